import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatRequest } from '../../../../shared/openrouter/chat-request';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';
import { resolveOfferedTools } from '../../../../shared/tools/tool-selection';
import { runToolLoop, type ApprovalChoice, type StepOutcome } from '../../../../electron/tools/loop/tool-loop';
import { createRoomApprovals } from '../../../../electron/tools/loop/room-approvals';
import { addConfirmedStdio, newManager } from '../mcp/support';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function readyFakeServer() {
  const m = newManager();
  cleanups.push(() => m.manager.close());
  const saved = await addConfirmedStdio(m.manager, 'Fake');
  const ready = await m.manager.start(saved.id);
  return { manager: m.manager, server: ready };
}

function record(costMicros: number): GenerationRecord {
  return { id: `gen-${costMicros}`, costMicros, tokens: { prompt: 10, completion: 5, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, durationMs: 100 } as GenerationRecord;
}

/** A model that asks for the scripted calls one step after another, then answers with what its tools said. */
function scriptedModel(script: StepOutcome['toolCalls'][], costs: number[]) {
  const requests: ChatRequest[] = [];
  let n = 0;
  return {
    requests,
    step: async (req: ChatRequest): Promise<StepOutcome> => {
      requests.push(structuredClone(req));
      const i = n++;
      const calls = script[i] ?? [];
      const toolAnswers = (req.messages as ChatMessage[]).filter((m) => m.role === 'tool').map((m) => m.content);
      return { text: calls.length ? '' : `Final: ${toolAnswers.join(' | ')}`, toolCalls: calls, record: record(costs[i] ?? 0), error: null };
    },
  };
}

const question = { model: 'fake/a', messages: [{ role: 'user' as const, content: 'use the tools' }] };

describe('a column’s tool loop against a real stdio MCP server', () => {
  it('asks approval, runs allowed calls, tells the model about denied ones, and sums every step', async () => {
    const { manager, server } = await readyFakeServer();
    const offered = resolveOfferedTools({ servers: [server.id], tools: [] }, [server]);
    const model = scriptedModel(
      [[{ id: 'c1', name: 'echo', arguments: '{"text":"one"}' }, { id: 'c2', name: 'echo', arguments: '{"text":"two"}' }]],
      [1200, 3400],
    );
    const asked: string[] = [];
    const result = await runToolLoop(question, offered, { conversationId: 'room', signal: new AbortController().signal }, {
      step: model.step,
      callTool: (id, tool, args, o) => manager.callTool(id, tool, args, o),
      approve: async (call): Promise<ApprovalChoice> => {
        asked.push(`${call.serverName}/${call.tool} ${call.argumentsText}`);
        return call.callId === 'c1' ? 'once' : 'deny';
      },
      approvals: createRoomApprovals(),
    });

    expect(asked).toEqual(['Fake/echo {"text":"one"}', 'Fake/echo {"text":"two"}']);
    expect(result.status).toBe('done');
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0]!.calls.map((c) => [c.decision, c.result?.text ?? null])).toEqual([
      ['allowed-once', 'stdio-fake: one'],
      ['denied', null],
    ]);
    expect(result.steps[1]!.text).toMatch(/^Final: stdio-fake: one \| The user denied this tool call/);
    expect(model.requests[0]!.tools?.map((t) => t.function.name)).toContain('echo');
    expect(result.totals).toMatchObject({ steps: 2, costMicros: 4600, promptTokens: 20, completionTokens: 10, durationMs: 200 });
  });

  it('“always allow” in a room stops asking for that tool there; other rooms still ask', async () => {
    const { manager, server } = await readyFakeServer();
    const offered = resolveOfferedTools({ servers: [server.id], tools: [] }, [server]);
    const approvals = createRoomApprovals();
    let asked = 0;
    const deps = (model: ReturnType<typeof scriptedModel>) => ({
      step: model.step,
      callTool: manager.callTool,
      approve: async (): Promise<ApprovalChoice> => {
        asked++;
        return 'always';
      },
      approvals,
    });
    const call = [{ id: 'c', name: 'echo', arguments: '{"text":"x"}' }];
    const signal = new AbortController().signal;
    await runToolLoop(question, offered, { conversationId: 'r1', signal }, deps(scriptedModel([call, call], [1, 1, 1])));
    expect(asked).toBe(1);
    const again = await runToolLoop(question, offered, { conversationId: 'r1', signal }, deps(scriptedModel([call], [1, 1])));
    expect(asked).toBe(1);
    expect(again.steps[0]!.calls[0]!.decision).toBe('pre-approved');
    await runToolLoop(question, offered, { conversationId: 'r2', signal }, deps(scriptedModel([call], [1, 1])));
    expect(asked).toBe(2);
  });

  it('stops at the step limit and says so', async () => {
    const { manager, server } = await readyFakeServer();
    const offered = resolveOfferedTools({ servers: [server.id], tools: [] }, [server]);
    const call = [{ id: 'c', name: 'echo', arguments: '{"text":"x"}' }];
    const model = scriptedModel([call, call, call, call], [1, 1, 1, 1]);
    const result = await runToolLoop(question, offered, { conversationId: 'r', stepLimit: 3, signal: new AbortController().signal }, {
      step: model.step,
      callTool: manager.callTool,
      approve: async () => 'once' as const,
      approvals: createRoomApprovals(),
    });
    expect(result.status).toBe('step-limit');
    expect(result.error?.message).toMatch(/after 3 steps/);
    expect(model.requests).toHaveLength(3);
    expect(result.totals.costMicros).toBe(3);
  });

  it('Stop while a call hangs cancels it and ends the loop; a crashing tool is an error the model is told about', async () => {
    const { manager, server } = await readyFakeServer();
    const offered = resolveOfferedTools({ servers: [server.id], tools: [] }, [server]);
    const stop = new AbortController();
    const model = scriptedModel([[{ id: 'h', name: 'hang', arguments: '{}' }]], [1]);
    const running = runToolLoop(question, offered, { conversationId: 'r', signal: stop.signal }, {
      step: model.step,
      callTool: manager.callTool,
      approve: async () => 'once' as const,
      approvals: createRoomApprovals(),
      onCalls: (_i, calls) => {
        if (calls[0]?.decision === 'allowed-once' && !calls[0].result && !calls[0].error) setTimeout(() => stop.abort(), 50);
      },
    });
    const stopped = await running;
    expect(stopped.status).toBe('stopped');
    expect(stopped.steps[0]!.calls[0]!.error).toBeTruthy();
    expect(model.requests).toHaveLength(1);

    const crash = scriptedModel([[{ id: 'x', name: 'crash', arguments: '{}' }]], [1, 1]);
    const after = await runToolLoop(question, offered, { conversationId: 'r', signal: new AbortController().signal }, {
      step: crash.step,
      callTool: manager.callTool,
      approve: async () => 'once' as const,
      approvals: createRoomApprovals(),
    });
    expect(after.status).toBe('done');
    expect(after.steps[0]!.calls[0]!.error).toBeTruthy();
    expect(after.steps[1]!.text).toMatch(/The tool call failed/);
  });
});
