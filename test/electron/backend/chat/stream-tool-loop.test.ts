import { afterEach, describe, expect, it } from 'vitest';
import { createStreamManager } from '../../../../electron/backend/chat/stream-manager';
import type { ChatEngine } from '../../../../electron/backend/chat/chat-engine';
import type { ChatRequest } from '../../../../shared/openrouter/chat-request';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';
import type { StreamDelta, StreamSnapshot } from '../../../../shared/contract/chat';
import { resolveOfferedTools } from '../../../../shared/tools/tool-selection';
import { createRoomApprovals } from '../../../../electron/tools/loop/room-approvals';
import { addConfirmedStdio, newManager } from '../../tools/mcp/support';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const request = { model: 'fake/a', messages: [{ role: 'user' as const, content: 'echo twice' }] };

/** Step 1 streams two parallel calls with arguments in pieces; step 2 answers with what the tools said. */
function toolCallingEngine() {
  const requests: ChatRequest[] = [];
  const engine: ChatEngine = {
    async chat(req, opts) {
      requests.push(structuredClone(req));
      const n = requests.length;
      const rec = { id: `gen-${n}`, costMicros: n * 1000, durationMs: 10, tokens: null, finishReason: 'stop' } as unknown as GenerationRecord;
      await opts.onEvent({ type: 'start', id: rec.id, created: 0, model: 'fake/a', provider: 'Fake' });
      if (n === 1) {
        for (const [index, id, pieces] of [[0, 'c1', ['{"te', 'xt":"a"}']], [1, 'c2', ['{"text"', ':"b"}']]] as const) {
          await opts.onEvent({ type: 'tool_call', index, id, name: 'echo', argumentsDelta: pieces[0] });
          await opts.onEvent({ type: 'tool_call', index, argumentsDelta: pieces[1] });
        }
        return { record: { ...rec, finishReason: 'tool_calls' } as GenerationRecord };
      }
      const answers = req.messages.filter((m) => m.role === 'tool').map((m) => m.content).join(' / ');
      await opts.onEvent({ type: 'text', text: `Done: ${answers}` });
      return { record: rec };
    },
  };
  return { engine, requests };
}

describe('stream manager: a column’s tool loop owned by main', () => {
  it('keeps approval cards pending in main, runs the allowed call, tells the model about the denied one', async () => {
    const m = newManager();
    cleanups.push(() => m.manager.close());
    const server = await m.manager.start((await addConfirmedStdio(m.manager, 'Fake')).id);
    const offered = resolveOfferedTools({ servers: [server.id], tools: [] }, [server]);
    const { engine, requests } = toolCallingEngine();
    const deltas: StreamDelta[] = [];
    let done!: (s: StreamSnapshot) => void;
    const finished = new Promise<StreamSnapshot>((r) => (done = r));
    const streams = createStreamManager(engine, { delta: (d) => deltas.push(d), finished: (s) => done(s) }, {
      flushMs: 5,
      tools: { callTool: m.manager.callTool, approvals: createRoomApprovals() },
    });
    cleanups.push(() => streams.close());
    streams.start('stream-tools-1', { conversationId: 'room', messageId: 'm', columnId: 'col' }, request, { offered });

    // A view that re-attaches (chat.active) sees both cards waiting, with the exact arguments.
    let pending: StreamSnapshot | undefined;
    for (let i = 0; i < 200 && !pending; i++) {
      await new Promise((r) => setTimeout(r, 10));
      pending = streams.active().find((s) => s.toolSteps?.[0]?.calls.filter((c) => c.decision === 'pending').length === 2);
    }
    expect(pending!.toolSteps![0]!.calls.map((c) => [c.serverName, c.tool, c.argumentsText])).toEqual([
      ['Fake', 'echo', '{"text":"a"}'],
      ['Fake', 'echo', '{"text":"b"}'],
    ]);
    expect(streams.approveTool('stream-tools-1', 'nope', 'once')).toBe(false);
    expect(streams.approveTool('stream-tools-1', 'c1', 'once')).toBe(true);
    expect(streams.approveTool('stream-tools-1', 'c1', 'deny')).toBe(false); // already decided
    expect(streams.approveTool('stream-tools-1', 'c2', 'deny')).toBe(true);

    const snap = await finished;
    expect(snap.status).toBe('done');
    expect(snap.text).toBe('Done: stdio-fake: a / The user denied this tool call. It was not run.');
    expect(snap.toolSteps!.map((s) => s.record?.costMicros)).toEqual([1000, 2000]);
    expect(snap.toolSteps![0]!.calls.map((c) => c.decision)).toEqual(['allowed-once', 'denied']);
    expect(snap.toolSteps![0]!.calls[0]!.result?.text).toBe('stdio-fake: a');
    expect(requests[0]!.tools?.[0]?.function.name).toBe('echo');
    expect(requests[1]!.messages.map((msg) => msg.role)).toEqual(['user', 'assistant', 'tool', 'tool']);
    expect(deltas.some((d) => d.toolSteps?.[0]?.calls.length === 2)).toBe(true);
  });

  it('Stop while cards wait ends the loop, runs nothing and asks no further step', async () => {
    const { engine, requests } = toolCallingEngine();
    let calls = 0;
    let done!: (s: StreamSnapshot) => void;
    const finished = new Promise<StreamSnapshot>((r) => (done = r));
    const streams = createStreamManager(engine, { delta: () => undefined, finished: (s) => done(s) }, {
      flushMs: 5,
      tools: { callTool: async () => { calls++; throw new Error('must not run'); }, approvals: createRoomApprovals() },
    });
    cleanups.push(() => streams.close());
    const offered = [{ functionName: 'echo', serverId: 's', serverName: 'S', tool: 'echo', inputSchema: {} }];
    streams.start('stream-tools-2', { conversationId: 'room', messageId: 'm', columnId: 'col' }, request, { offered });
    for (let i = 0; i < 200 && !streams.get('stream-tools-2')?.toolSteps?.[0]?.calls.length; i++) await new Promise((r) => setTimeout(r, 10));
    expect(streams.stop('stream-tools-2')).toBe(1);
    const snap = await finished;
    expect(snap.status).toBe('stopped');
    expect(calls).toBe(0);
    expect(requests).toHaveLength(1);
    expect(streams.approveTool('stream-tools-2', 'c1', 'once')).toBe(false);
  });
});
