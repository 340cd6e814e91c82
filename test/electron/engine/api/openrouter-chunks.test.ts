import { describe, expect, it } from 'vitest';
import { ChunkFramer, type ChunkObject } from '../../../../electron/engine/api/openrouter-chunks';
import type { EngineEvent } from '../../../../electron/engine/stream-events';

const start: EngineEvent = { type: 'start', id: 'gen-7', created: 1700000000, model: 'openai/gpt-4o', provider: 'Open"AI' };
const stream: EngineEvent[] = [
  start,
  { type: 'reasoning', text: 'thinking' },
  { type: 'text', text: 'Hello' },
  { type: 'text', text: ' "wörld" \n\t\u2028 😀 \\ </script>' },
  { type: 'tool_call', index: 0, id: 'call_1', name: 'lookup', argumentsDelta: '{"q":' },
  { type: 'tool_call', index: 0, argumentsDelta: '"x"}' },
  { type: 'finish', reason: 'tool_calls', native: 'tool_calls' },
  { type: 'usage', usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7, cost: 0.0001 } },
];

function frames(object: ChunkObject, events: EngineEvent[]) {
  const objects = new ChunkFramer(object);
  const sse = new ChunkFramer(object);
  return events.map((e) => ({ chunk: objects.chunk(e), sse: sse.sse(e) }));
}

describe('ChunkFramer', () => {
  it.each(['chat.completion.chunk', 'text_completion'] as const)('writes %s SSE events that are exactly the JSON of the chunk objects', (object) => {
    for (const { chunk, sse } of frames(object, stream)) {
      expect(sse).toBe(chunk === undefined ? undefined : `data: ${JSON.stringify(chunk)}\n\n`);
    }
  });

  it('frames chat chunks as OpenRouter does: role on the first delta, finish, then usage with no choices', () => {
    const chunks = frames('chat.completion.chunk', stream).map((f) => f.chunk).filter(Boolean);
    expect(chunks[0]).toEqual({
      id: 'gen-7', object: 'chat.completion.chunk', created: 1700000000, model: 'openai/gpt-4o', provider: 'Open"AI',
      choices: [{ index: 0, delta: { role: 'assistant', reasoning: 'thinking' }, finish_reason: null, native_finish_reason: null }],
    });
    expect(chunks[1]!.choices[0]).toMatchObject({ delta: { content: 'Hello' } });
    expect(chunks.at(-2)!.choices[0]).toMatchObject({ delta: {}, finish_reason: 'tool_calls' });
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: 7 } });
  });

  it('frames a legacy text completion: text only, reasoning and tool calls left out', () => {
    const chunks = frames('text_completion', [...stream.slice(0, 4), { type: 'finish', reason: 'stop', native: 'stop' }]).map((f) => f.chunk).filter(Boolean);
    expect(chunks.map((c) => c!.choices[0])).toEqual([
      { index: 0, text: 'Hello', finish_reason: null, native_finish_reason: null, logprobs: null },
      { index: 0, text: ' "wörld" \n\t\u2028 😀 \\ </script>', finish_reason: null, native_finish_reason: null, logprobs: null },
      { index: 0, text: '', finish_reason: 'stop', native_finish_reason: 'stop', logprobs: null },
    ]);
    expect(chunks[0]).toMatchObject({ object: 'text_completion', id: 'gen-7' });
  });

  it('ends a broken stream with an error chunk and a terminating choice', () => {
    const [, , err] = frames('chat.completion.chunk', [start, { type: 'text', text: 'Par' }, { type: 'error', error: { code: 502, message: 'gone' } }]);
    expect(err!.chunk).toMatchObject({ error: { code: 502, message: 'gone' }, choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }] });
  });
});
