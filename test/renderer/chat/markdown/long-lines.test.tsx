import { describe, it, expect, afterEach } from 'vitest';
import { render, cleanup, waitFor } from '@testing-library/react';
import { Markdown, StreamingMarkdown } from '../../../../renderer/chat/markdown/Markdown';
import { CHUNK_CHARS, LONG_RUN, chunkText, fencedCode, hasLongRun, longSegments } from '../../../../renderer/chat/markdown/long-runs';

afterEach(() => cleanup());

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function blob(n: number): string {
  let x = 7;
  let s = '';
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += B64[x >>> 26];
  }
  return s;
}
const LINE = blob(1_000_000);
const ANSWER = `Here is the **file**:\n\n${LINE}\n\nThat was the *blob*; see [the docs](https://example.com/docs).`;

/** text of every chunk of the long blocks, in order */
const chunksOf = (root: HTMLElement) => [...root.querySelectorAll('.md-long > div')].map((d) => d.textContent ?? '');

describe('long unbroken runs', () => {
  it('finds runs of LONG_RUN characters without whitespace, and only those', () => {
    expect(hasLongRun('a'.repeat(LONG_RUN))).toBe(true);
    expect(hasLongRun('a'.repeat(LONG_RUN - 1))).toBe(false);
    expect(hasLongRun(`${'a'.repeat(LONG_RUN - 1)} ${'b'.repeat(LONG_RUN - 1)}`)).toBe(false);
    expect(hasLongRun(`${'word '.repeat(10_000)}`)).toBe(false);
    expect(longSegments('# Title\n\nplain *prose*')).toBeNull();
  });

  it('keeps the markdown around a long block in segments of its own', () => {
    const segments = longSegments(ANSWER)!;
    expect(segments.map((s) => [s.long, s.text.length])).toEqual([
      [false, 'Here is the **file**:'.length],
      [true, LINE.length],
      [false, 'That was the *blob*; see [the docs](https://example.com/docs).'.length],
    ]);
    expect(segments[0]!.text).toBe('Here is the **file**:');
    expect(segments[1]!.text === LINE).toBe(true);
  });

  it('cuts text into bounded chunks that stay the same while the text grows', () => {
    const chunks = chunkText(LINE);
    expect(chunks.join('') === LINE).toBe(true);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(CHUNK_CHARS);
    expect(chunks.length).toBe(Math.ceil(LINE.length / CHUNK_CHARS));
    const partial = chunkText(LINE.slice(0, 123_456));
    expect(partial.slice(0, -1).every((c, i) => c === chunks[i])).toBe(true);
    // prefers to cut after whitespace, never inside a surrogate pair
    const spaced = chunkText(`${'x'.repeat(CHUNK_CHARS - 10)} tail${'y'.repeat(CHUNK_CHARS)}`);
    expect(spaced[0]).toBe(`${'x'.repeat(CHUNK_CHARS - 10)} `);
    const emoji = chunkText('😀'.repeat(CHUNK_CHARS));
    for (const c of emoji) expect(c.length % 2).toBe(0);
  });

  it('reads a fenced block’s language and body, closed or still streaming', () => {
    expect(fencedCode('```json\n{"a":1}\n```')).toEqual({ lang: 'json', code: '{"a":1}' });
    expect(fencedCode('~~~\nabc')).toEqual({ lang: '', code: 'abc' });
    expect(fencedCode('plain')).toBeNull();
  });
});

describe('an answer holding a 1 MB line', () => {
  it('shows the line as plain text in bounded chunks, the rest as markdown', async () => {
    const { container } = render(<Markdown text={ANSWER} />);
    await waitFor(() => expect(chunksOf(container).join('') === LINE).toBe(true));
    const chunks = chunksOf(container);
    expect(chunks.length).toBeGreaterThan(200);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(CHUNK_CHARS);
    // no text node anywhere holds more than one chunk
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) expect(n.textContent!.length).toBeLessThanOrEqual(CHUNK_CHARS);
    // every chunk after the first is laid out only near the viewport
    expect(container.querySelectorAll('.md-long-chunk')).toHaveLength(chunks.length - 1);
    await waitFor(() => expect(container.querySelector('strong')?.textContent).toBe('file'));
    expect(container.querySelector('em')?.textContent).toBe('blob');
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://example.com/docs');
  });

  it('streams the line in chunks too, and a fenced one as a code block', async () => {
    const { container, rerender } = render(<StreamingMarkdown text={`Intro\n\n${LINE.slice(0, 200_000)}`} />);
    rerender(<StreamingMarkdown text={`Intro\n\n${LINE.slice(0, 600_000)}`} />);
    await waitFor(() => expect(chunksOf(container).join('') === LINE.slice(0, 600_000)).toBe(true));
    expect(container.querySelector('p')?.textContent).toBe('Intro');

    rerender(<StreamingMarkdown text={`\`\`\`text\n${LINE.slice(0, 50_000)}\n\`\`\``} />);
    await waitFor(() => expect(chunksOf(container).join('') === LINE.slice(0, 50_000)).toBe(true));
    expect(container.querySelector('.code-block .code-lang')?.textContent).toBe('text');
    expect(container.querySelector('.code-block')?.textContent).not.toContain('```');
  });

  it('renders ordinary answers exactly as before: no chunks', async () => {
    const text = `Some **bold** prose with a URL https://example.com/${'a'.repeat(300)}\n\n\`\`\`js\nconst x = 1;\n\`\`\`\n\n$x^2$`;
    const { container } = render(<Markdown text={text} />);
    await waitFor(() => expect(container.querySelector('strong')).not.toBeNull());
    expect(container.querySelector('.md-long')).toBeNull();
    expect(container.querySelector('.code-block pre')).not.toBeNull();
    expect(container.querySelector('.katex')).not.toBeNull();
  });
});
