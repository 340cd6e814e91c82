// A child process playing the other app: it reads an SSE stream the way a minimal client does and reports how many
// content chunks arrived and how long that took. Started by ./processes.ts.
import { Agent } from 'node:http';
import { consumeSse, streamingPost } from './harness';

const agent = new Agent({ keepAlive: true });

process.on('message', (job: { id: number; url: string; headers: Record<string, string>; body: string }) => {
  void (async () => {
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
