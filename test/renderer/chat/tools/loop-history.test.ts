import { describe, expect, it } from 'vitest';
import type { LoopStep } from '../../../../shared/tools/tool-steps';
import { withLoopTotals } from '../../../../renderer/chat/tools/loop-outcome';
import { buildChatRequest } from '../../../../renderer/chat/state/request';
import type { MessageRow } from '../../../../renderer/common/room/types';
import { makeRecord } from '../../support/generation-records';

// A tool loop's answer: its figures are the sums over its steps, and the next turn sends the loop back as
// assistant tool_calls + tool messages (OpenAI / OpenRouter shape).

const step1: LoopStep = {
  text: 'Checking.',
  record: makeRecord({ id: 'gen-1', costMicros: 1_200, tokens: { prompt: 100, completion: 20, cacheRead: 10, cacheWrite: 0, reasoning: 0 }, durationMs: 400, ttftMs: 90 }),
  calls: [
    { callId: 'call_a', functionName: 'get_weather', serverId: 'w', serverName: 'Weather', tool: 'get_weather', argumentsText: '{"city":"Brest"}', decision: 'allowed-once', result: { text: 'Sunny, 21°C', isError: false, truncated: false, fullBytes: 12, durationMs: 5 }, error: null },
    { callId: 'call_b', functionName: 'get_tide', serverId: 'w', serverName: 'Weather', tool: 'get_tide', argumentsText: '{}', decision: 'denied', result: null, error: 'Denied by the user.' },
  ],
};
const step2: LoopStep = {
  text: 'It is sunny in Brest.',
  record: makeRecord({ id: 'gen-2', costMicros: 3_400, tokens: { prompt: 160, completion: 30, cacheRead: 0, cacheWrite: 0, reasoning: 5 }, durationMs: 600, ttftMs: 120 }),
  calls: [],
};

describe('withLoopTotals', () => {
  it('sums cost, tokens and time over the steps and keeps the steps', () => {
    const out = withLoopTotals({ status: 'done', content: 'Checking.It is sunny in Brest.', cost: { costSource: 'computed', costMicros: 3_400, estimate: { inputTokens: 50 } } }, [step1, step2]);
    expect(out.cost?.costMicros).toBe(4_600);
    expect(out.cost?.computedCostMicros).toBe(4_600);
    expect(out.cost?.estimate).toEqual({ inputTokens: 50 });
    expect(out.tokens).toEqual({ prompt: 260, completion: 50, cacheRead: 10, cacheWrite: 0, reasoning: 5 });
    expect(out.timings).toEqual({ ttftMs: 90, durationMs: 1_000, tokensPerSecond: 50 });
    expect(out.toolSteps).toHaveLength(2);
  });

  it('makes the cost unknown, with the reason, when one step has none', () => {
    const unknown = { ...step2, record: makeRecord({ id: 'gen-3', costMicros: undefined, costSource: 'none', costReason: 'no-pricing' }) };
    const out = withLoopTotals({ status: 'done', content: '' }, [step1, unknown]);
    expect(out.cost?.costMicros).toBeUndefined();
    expect(out.cost?.costReason).toBe('no-pricing');
  });
});

describe('next turn context', () => {
  it('sends a stored loop back as assistant tool_calls and one tool message per call', () => {
    const at = 1;
    const row = (over: Partial<MessageRow>): MessageRow => ({ id: 'm', conversationId: 'c', seq: 1, parentId: null, groupId: 'g', columnId: null, role: 'user', content: '', status: 'done', createdAt: at, updatedAt: at, ...over });
    const req = buildChatRequest({ id: 'col_1', model: 'openai/gpt-4o', settings: {} }, [
      row({ content: 'Weather in Brest?' }),
      row({ id: 'a', role: 'assistant', columnId: 'col_1', content: 'Checking.It is sunny in Brest.', toolSteps: [step1, step2] }),
      row({ id: 'u2', content: 'And tomorrow?' }),
    ]);
    expect(req.messages).toEqual([
      { role: 'user', content: 'Weather in Brest?' },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Brest"}' } },
          { id: 'call_b', type: 'function', function: { name: 'get_tide', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_a', content: 'Sunny, 21°C' },
      { role: 'tool', tool_call_id: 'call_b', content: 'The user denied this tool call. It was not run.' },
      { role: 'assistant', content: 'It is sunny in Brest.' },
      { role: 'user', content: 'And tomorrow?' },
    ]);
  });
});
