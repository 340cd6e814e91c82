import { describe, expect, it } from 'vitest';
import { openAiCompatibleAdapter as adapter } from '../../../../../electron/engine/providers/openai-compatible';
import { ContentDeltaTemplate } from '../../../../../electron/engine/providers/openai-compatible/content-delta-template';
import { adapterRequest, collect, fromText } from '../support/replay';

const head = '{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":';
const tail = '},"logprobs":null,"finish_reason":null}]}';
const data = (literal: string) => `${head}${literal}${tail}`;

function learned(sample = data('"Hello"')): ContentDeltaTemplate {
  const t = new ContentDeltaTemplate();
  t.learn(sample, JSON.parse(sample) as Record<string, unknown>);
  return t;
}

describe('ContentDeltaTemplate', () => {
  it('reads the content of a chunk that differs from the learned one only in its content string', () => {
    const t = learned();
    for (const text of [' world', '', 'quote " and \\ backslash', 'line\nbreak', '日本 🎉', '"content":"x"']) {
      expect(t.match(data(JSON.stringify(text)))).toBe(text);
    }
    expect(t.match(data('"\\u00e9\\ud83d\\ude00"'))).toBe('é😀');
  });

  it('misses whatever else differs, so that chunk is parsed in full', () => {
    const t = learned();
    expect(t.match(data('"a","reasoning":"r"'))).toBeUndefined(); // a field smuggled in after the string
    expect(t.match(data('"a"},"x":{"y":"b"'))).toBeUndefined();
    expect(t.match(data('"unterminated\\"'))).toBeUndefined();
    expect(t.match(data('null'))).toBeUndefined();
    expect(t.match(data('"bad \\q escape"'))).toBeUndefined();
    expect(t.match(data('"raw\ttab"'))).toBeUndefined(); // not valid JSON: the full parse reports it
    expect(t.match(data('"a"').replace('"c1"', '"c2"'))).toBeUndefined();
    expect(t.match(data('"a"').replace('"finish_reason":null', '"finish_reason":"stop"'))).toBeUndefined();
    expect(t.match(`${head}"a"}}]}`)).toBeUndefined();
  });

  it('learns only chunks whose one event is a text delta', () => {
    const notText = [
      '{"id":"c1","choices":[{"index":0,"delta":{"content":"a","reasoning":"r"},"finish_reason":null}]}',
      '{"id":"c1","choices":[{"index":0,"delta":{"content":"a"},"finish_reason":"stop"}]}',
      '{"id":"c1","choices":[{"index":0,"delta":{"content":"a"},"finish_reason":null}],"usage":{"prompt_tokens":1}}',
      '{"id":"c1","choices":[{"index":0,"delta":{"content":"a"}}],"error":{"message":"x"}}',
      '{"id":"c1","choices":[{"index":0,"delta":{"content":"a"}},{"index":1,"delta":{"content":"b"}}]}',
    ];
    for (const sample of notText) expect(learned(sample).match(sample.replace('"a"', '"z"'))).toBeUndefined();
    // "content" elsewhere in the chunk is not mistaken for the delta's
    const decoy = '{"id":"c1","choices":[{"index":0,"delta":{"content":"a"},"finish_reason":null}],"x":{"content":"b"}}';
    expect(learned(decoy).match(decoy.replace('"b"', '"z"'))).toBeUndefined();
  });

  it('leaves a stream parsed exactly as before: the same events in the same order', async () => {
    const frames = [
      data('""').replace('"content":', '"role":"assistant","content":'),
      data('"Hel"'), data('"lo \\"you\\""'), data('""'), data('"a","reasoning":"sneaky"'),
      data('"x"').replace('"c1"', '"c2"'), data('"y"').replace('"c1"', '"c2"'),
      data('"z"').replace('{"content":"z"}', '{"content":"z","tool_calls":[{"index":0,"id":"t1","function":{"name":"f","arguments":"{}"}}]}'),
      '{"id":"c2","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}',
      '{"id":"c2","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4}}',
    ];
    const wire = `${frames.map((f) => `data: ${f}\n\n`).join('')}data: [DONE]\n\n`;
    const events = await collect(adapter.parseStream(fromText(wire), adapterRequest('openai-compatible')));
    expect(events.filter((e) => e.type === 'text').map((e) => e.text)).toEqual(['Hel', 'lo "you"', 'a', 'x', 'y', 'z']);
    expect(events.filter((e) => e.type === 'reasoning')).toEqual([{ type: 'reasoning', text: 'sneaky' }]);
    expect(events.filter((e) => e.type === 'tool_call')).toEqual([{ type: 'tool_call', index: 0, id: 't1', name: 'f', argumentsDelta: '{}' }]);
    expect(events.map((e) => e.type)).toEqual(['start', 'text', 'text', 'reasoning', 'text', 'text', 'text', 'text', 'tool_call', 'finish', 'usage']);
  });
});
