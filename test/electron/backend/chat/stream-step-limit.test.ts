import { afterEach, describe, expect, it } from 'vitest';
import { createStreamManager } from '../../../../electron/backend/chat/stream-manager';
import type { ChatEngine } from '../../../../electron/backend/chat/chat-engine';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';
import type { StreamSnapshot } from '../../../../shared/contract/chat';
import { createRoomApprovals } from '../../../../electron/tools/loop/room-approvals';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const offered = [{ functionName: 'echo', serverId: 's', serverName: 'S', tool: 'echo', inputSchema: {} }];
const request = { model: 'fake/a', messages: [{ role: 'user' as const, content: 'loop forever' }] };

/** A model that asks for the tool at every step, so only the step limit ends its loop. */
function neverDoneEngine() {
  let steps = 0;
  const engine: ChatEngine = {
    async chat(_req, opts) {
      steps++;
      const rec = { id: `gen-${steps}`, costMicros: 100, durationMs: 1, tokens: null, finishReason: 'tool_calls' } as unknown as GenerationRecord;
      await opts.onEvent({ type: 'start', id: rec.id, created: 0, model: 'fake/a', provider: 'Fake' });
      await opts.onEvent({ type: 'tool_call', index: 0, id: `c${steps}`, name: 'echo', argumentsDelta: '{"text":"again"}' });
      return { record: rec };
    },
  };
  return { engine, steps: () => steps };
}

async function runWithSettingsLimit(limit: number): Promise<{ snap: StreamSnapshot; steps: number; calls: number }> {
  const { engine, steps } = neverDoneEngine();
  const approvals = createRoomApprovals();
  approvals.allowAlways('room', 's', 'echo');
  let calls = 0;
  let done!: (s: StreamSnapshot) => void;
  const finished = new Promise<StreamSnapshot>((r) => (done = r));
  const streams = createStreamManager(engine, { delta: () => undefined, finished: (s) => done(s) }, {
    flushMs: 5,
    tools: {
      callTool: async () => {
        calls++;
        return { text: 'again', isError: false, truncated: false, fullBytes: 5, durationMs: 1 };
      },
      approvals,
      stepLimit: () => limit,
    },
  });
  cleanups.push(() => streams.close());
  streams.start(`limit-${limit}`, { conversationId: 'room', messageId: 'm', columnId: 'col' }, request, { offered });
  const snap = await finished;
  return { snap, steps: steps(), calls };
}

describe('the tool loop’s step limit from Settings → Tools', () => {
  it('stops a loop that never ends at the configured number of model steps', async () => {
    const three = await runWithSettingsLimit(3);
    expect(three.steps).toBe(3);
    expect(three.calls).toBe(2);
    expect(three.snap.toolSteps).toHaveLength(3);
    expect(three.snap.error?.message).toBe('Stopped after 3 steps (the tool step limit).');

    const one = await runWithSettingsLimit(1);
    expect(one.steps).toBe(1);
    expect(one.calls).toBe(0);
    expect(one.snap.error?.message).toBe('Stopped after 1 step (the tool step limit).');
  });
});
