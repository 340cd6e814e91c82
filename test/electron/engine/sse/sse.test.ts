import { describe, expect, it } from 'vitest';
import { encodeSse, encodeSseComment, readSse, SSE_DONE, SseBufferOverflowError, type SseEvent } from '../../../../electron/engine/sse';
import { fromPieces, prng, splitBytes } from '../providers/support/replay';

const enc = new TextEncoder();

async function read(pieces: Uint8Array[], onComment?: (t: string) => void): Promise<{ events: SseEvent[]; clean: boolean | undefined }> {
  const sse = readSse(fromPieces(pieces), onComment ? { onComment } : {});
  const events: SseEvent[] = [];
  for await (const e of sse) events.push(e);
  return { events, clean: sse.endedCleanly };
}

describe('readSse', () => {
  it('keeps multi-byte characters intact when bytes are split inside them', async () => {
    const wire = enc.encode('data: héllo wörld 🎉 ÷ 日本\n\nevent: x\ndata: 😀\n\n');
    const { events, clean } = await read(splitBytes(wire, prng(1), 1));
    expect(events).toEqual([{ data: 'héllo wörld 🎉 ÷ 日本' }, { event: 'x', data: '😀' }]);
    expect(clean).toBe(true);
  });

  it('hands over the events each read completed as one batch, and says whether the body ended cleanly', async () => {
    const sse = readSse(fromPieces([enc.encode('data: 1\n\ndata: 2\n\ndata: 3'), enc.encode('\n\n'), enc.encode(': ping\n\n'), enc.encode('data: 4\n\ndata: cut')]));
    const batches: SseEvent[][] = [];
    for await (const b of sse.batches()) batches.push(b);
    expect(batches).toEqual([[{ data: '1' }, { data: '2' }], [{ data: '3' }], [{ data: '4' }]]);
    expect(sse.endedCleanly).toBe(false);
  });

  it('accepts CRLF, CR and LF line endings, also when a CRLF pair is split', async () => {
    const text = 'data: a\r\n\r\ndata: b\r\rdata: c\n\nevent: e\r\ndata: d\r\n\r\n';
    for (let max = 1; max <= 4; max++) {
      const { events } = await read(splitBytes(enc.encode(text), prng(max), max));
      expect(events).toEqual([{ data: 'a' }, { data: 'b' }, { data: 'c' }, { event: 'e', data: 'd' }]);
    }
  });

  it('skips comment lines and reports them to onComment', async () => {
    const comments: string[] = [];
    const { events } = await read([enc.encode(': OPENROUTER PROCESSING\n\ndata: 1\n: inside\n\n:no-space\n\n')], (c) => comments.push(c));
    expect(events).toEqual([{ data: '1' }]);
    expect(comments).toEqual(['OPENROUTER PROCESSING', 'inside', 'no-space']);
  });

  it('joins multi-line data with newlines and ignores a leading BOM', async () => {
    const { events } = await read([new Uint8Array([0xef, 0xbb, 0xbf]), enc.encode('data: line1\ndata: line2\n\n')]);
    expect(events).toEqual([{ data: 'line1\nline2' }]);
  });

  it('turns bytes that are not UTF-8 into U+FFFD, also a character cut off by the end of the body', async () => {
    const { events } = await read([enc.encode('data: a'), new Uint8Array([0xff, 0x62]), enc.encode('\n\ndata: c'), new Uint8Array([0xe6, 0x97])]);
    expect(events).toEqual([{ data: 'a\ufffdb' }]);
    const cut = await read([enc.encode('data: x'), new Uint8Array([0xe6, 0x97]), enc.encode('\n\n')]);
    expect(cut.events).toEqual([{ data: 'x\ufffd' }]);
  });

  it('reports a body that stops inside an event as not clean and drops the half event', async () => {
    const partial = await read([enc.encode('data: whole\n\ndata: {"half":')]);
    expect(partial.events).toEqual([{ data: 'whole' }]);
    expect(partial.clean).toBe(false);
    const noBlankLine = await read([enc.encode('data: whole\n\ndata: done\n')]);
    expect(noBlankLine.events).toEqual([{ data: 'whole' }]);
    expect(noBlankLine.clean).toBe(false);
    const trailingComment = await read([enc.encode('data: whole\n\n: bye')]);
    expect(trailingComment.clean).toBe(true);
  });

  it('rejects an event larger than maxBufferSize', async () => {
    const sse = readSse(fromPieces([enc.encode(`data: ${'x'.repeat(5000)}`)]), { maxBufferSize: 1000 });
    await expect(async () => {
      for await (const _ of sse) void _;
    }).rejects.toBeInstanceOf(SseBufferOverflowError);
  });

  it('lets the body error (connection reset) propagate', async () => {
    async function* broken() {
      yield enc.encode('data: 1\n\n');
      throw new Error('ECONNRESET');
    }
    const seen: string[] = [];
    await expect(async () => {
      for await (const e of readSse(broken())) seen.push(e.data);
    }).rejects.toThrow('ECONNRESET');
    expect(seen).toEqual(['1']);
  });
});

describe('encodeSse', () => {
  it('frames events that readSse reads back unchanged', async () => {
    const wire = [
      encodeSse('{"a":1}'),
      encodeSse({ event: 'message_start', data: '{"type":"message_start"}' }),
      encodeSse({ data: 'two\nlines', id: '7' }),
      encodeSseComment('keep\nalive'),
      SSE_DONE,
    ].join('');
    expect(wire).toBe('data: {"a":1}\n\nevent: message_start\ndata: {"type":"message_start"}\n\nid: 7\ndata: two\ndata: lines\n\n: keep alive\n\ndata: [DONE]\n\n');
    const { events } = await read([enc.encode(wire)]);
    expect(events).toEqual([{ data: '{"a":1}' }, { event: 'message_start', data: '{"type":"message_start"}' }, { data: 'two\nlines' }, { data: '[DONE]' }]);
  });
});
