// A child process playing the other app: it reads an SSE stream the way a minimal client does and reports how many
// content chunks arrived and how long that took, or (`ttft`) times requests to their first body byte. Started by
// ./processes.ts.
import { Agent } from 'node:http';
import { consumeSse, streamingPost, timedPost } from './harness';

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

interface Job {
  id: number;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** time `ttft` requests one after another, returning each one's time to first byte */
  ttft?: number;
}

process.on('message', (job: Job) => {
  void (async () => {
    if (job.ttft !== undefined) {
      const firstByteMs: number[] = [];
      for (let i = 0; i < job.ttft; i++) {
        const r = await timedPost(agent, job.url, job.headers, job.body);
        if (r.status !== 200) throw new Error(`unexpected status ${r.status}`);
        firstByteMs.push(r.firstByteMs);
      }
      process.send!({ id: job.id, firstByteMs });
      return;
    }
    const t = performance.now();
    const c = process.cpuUsage();
    const { contentChunks } = await consumeSse(await streamingPost(agent, job.url, job.headers, job.body));
    const cpu = process.cpuUsage(c);
    process.send!({ id: job.id, chunks: contentChunks, ms: performance.now() - t, cpuMs: (cpu.user + cpu.system) / 1000 });
  })().catch((err: unknown) => process.send!({ id: job.id, error: String((err as Error)?.message ?? err) }));
});
process.once('disconnect', () => {
  agent.destroy();
  process.exit(0);
});
