import { describe, it, expect, afterEach, vi } from 'vitest';
import { render, cleanup } from '@testing-library/react';

// Counts what the markdown parser is handed: a long finished answer must reach it block by block, never whole.
const parsed = vi.hoisted(() => ({ sizes: [] as number[] }));
vi.mock('react-markdown', async (importOriginal) => {
  const real = await importOriginal<typeof import('react-markdown')>();
  const wrapped = (props: Parameters<typeof real.default>[0]) => {
    parsed.sizes.push(props.children?.length ?? 0);
    return real.default(props);
  };
  return { ...real, default: wrapped };
});

const { Markdown, StreamingMarkdown } = await import('../../../../renderer/chat/markdown/Markdown');
const { splitBlocks } = await import('../../../../renderer/chat/markdown/split-blocks');
const { SPLIT_FROM } = await import('../../../../renderer/chat/markdown/document-blocks');

afterEach(() => {
  cleanup();
  parsed.sizes = [];
});

/** Ordinary paragraphs, `count` of them, each about 400 characters, numbered so that no two are the same. */
function prose(count: number, tag: string): string {
  return Array.from({ length: count }, (_, i) => `Paragraph ${tag} ${i}: ${'the quick brown fox jumps over the lazy dog '.repeat(9)}**end**.`).join('\n\n');
}

describe('a long finished answer', () => {
  it('is parsed block by block, each block no longer than the longest paragraph', () => {
    const text = prose(100, 'a');
    expect(text.length).toBeGreaterThan(SPLIT_FROM);
    const { container } = render(<Markdown text={text} />);
    expect(container.querySelectorAll('.markdown p')).toHaveLength(100);
    expect(container.querySelectorAll('.markdown strong')).toHaveLength(100);
    expect(parsed.sizes.length).toBeGreaterThan(0);
    expect(Math.max(...parsed.sizes)).toBeLessThan(500);
  });

  it('reuses the blocks rendered while it streamed: finishing parses none of them again', () => {
    const text = prose(60, 'b');
    const view = render(<StreamingMarkdown text={`${text}\n\nand the last words`} />);
    // the stream's final text arrives, then the answer is stored and shown as finished
    view.rerender(<StreamingMarkdown text={`${text}\n\nand the last words.`} />);
    parsed.sizes = [];
    view.rerender(<Markdown text={`${text}\n\nand the last words.`} />);
    // every block, the last one too, was parsed while it streamed
    expect(parsed.sizes).toEqual([]);
    expect(view.container.querySelectorAll('.markdown p')).toHaveLength(61);
  });

  it('stays one document when it defines reference links, so they resolve', () => {
    const text = `${prose(30, 'c')}\n\nSee [the spec][spec].\n\n[spec]: https://example.com/spec`;
    const { container } = render(<Markdown text={text} />);
    expect(container.querySelector('a[href="https://example.com/spec"]')?.textContent).toBe('the spec');
  });

  it('keeps a list item’s indented paragraph in its item', () => {
    expect(splitBlocks('- one\n\n  more of one\n\n- two\n\nafter')).toEqual(['- one\n\n  more of one', '- two', 'after']);
    const text = `${prose(30, 'd')}\n\n1. first\n\n   first, continued\n\n2. second`;
    const { container } = render(<Markdown text={text} />);
    const items = [...container.querySelectorAll('ol li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).toEqual(['first first, continued', 'second']);
  });
});

describe('the layout of a long answer', () => {
  it('lets the browser skip the blocks far from the viewport (md-blocks), finished or streaming; a short answer is one document', () => {
    const long = prose(100, 'c');
    const { container, unmount } = render(<Markdown text={long} />);
    expect(container.querySelector('.markdown')!.classList.contains('md-blocks')).toBe(true);
    unmount();
    const streaming = render(<StreamingMarkdown text={long} />);
    expect(streaming.container.querySelector('.markdown')!.classList.contains('md-blocks')).toBe(true);
    streaming.unmount();
    const short = render(<Markdown text={prose(2, 'd')} />);
    expect(short.container.querySelector('.markdown')!.classList.contains('md-blocks')).toBe(false);
  });
});
