import { describe, it, expect, beforeAll, afterEach, vi } from 'vitest';
import { render, screen, cleanup, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';
import { installFakePreload } from '../../support/fake-preload';
import { Markdown, StreamingMarkdown } from '../../../../renderer/chat/markdown/Markdown';
import { splitBlocks } from '../../../../renderer/chat/markdown/split-blocks';
import { safeHref } from '../../../../renderer/chat/markdown/safe-url';

const opened: string[] = [];
beforeAll(() => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-md-'));
  const backend = createBackend({
    dataDir, transport: 'electron', version: '0', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false,
    openExternal: async (url) => {
      opened.push(url);
    },
  });
  installFakePreload(backend);
});
afterEach(() => cleanup());

const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src="x" onerror="window.__pwned = 2">',
  '[click me](javascript:window.__pwned=3)',
  '[jump](JaVaScRiPt:alert(1))',
  '[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![pixel](https://tracker.example/p.gif)',
  '![bad](javascript:alert(1))',
  '<a href="javascript:alert(1)">raw anchor</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<div onclick="alert(1)" style="position:fixed">overlay</div>',
  '[file](file:///etc/passwd)',
  '$$\\href{javascript:alert(1)}{x}$$',
  '[safe](https://example.com/ok)',
].join('\n\n');

describe('markdown from models is inert', () => {
  it('renders hostile markdown without scripts, handlers, frames or dangerous URLs', () => {
    const { container } = render(<Markdown text={HOSTILE} />);
    expect(container.querySelector('script, iframe, object, embed, img, [onerror], [onclick], [style*="position"]')).toBeNull();
    for (const a of container.querySelectorAll('a')) {
      expect(a.getAttribute('href')).toMatch(/^https:\/\//);
    }
    // no attribute anywhere carries a script URL or a handler (the TeX source may mention one, as inert text)
    for (const el of container.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        expect(attr.name).not.toMatch(/^on/i);
        expect(attr.value).not.toMatch(/^\s*(javascript|data|file|vbscript):/i);
      }
    }
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    // the link texts survive as plain text
    expect(screen.getByText('click me').tagName).toBe('SPAN');
    expect(screen.getByText('data link').tagName).toBe('SPAN');
    // an image becomes a link the user may choose to open, never a fetch
    expect(screen.getByText('[image: pixel]').tagName).toBe('A');
  });

  it('shows raw HTML as the text the model wrote, inert', () => {
    const { container } = render(<Markdown text={'Use <b>bold</b> here.\n\n<div onclick="alert(1)">block</div>'} />);
    expect(container.querySelector('b, div[onclick]')).toBeNull();
    expect(container.textContent).toContain('Use <b>bold</b> here.');
    expect(container.textContent).toContain('<div onclick="alert(1)">block</div>');
  });

  it('centres $$…$$ written on one line as display math, and styles blockquotes', () => {
    const { container } = render(<Markdown text={'A third:\n\n$$\\frac{1}{3}$$\n\n> quoted\n\n```\n$$not math$$\n```'} />);
    expect(container.querySelectorAll('.katex-display')).toHaveLength(1);
    expect(container.querySelector('blockquote')?.textContent?.trim()).toBe('quoted');
    expect(container.querySelector('pre, code')?.textContent).toContain('$$not math$$');
  });

  it('reads prices as money and pairs of dollars as inline math, as Pandoc does', () => {
    const { container } = render(<Markdown text={'Even split: $90 ÷ 3 = $30, with tip **$35.40**. Inline $x^2$ works, `$HOME` too.'} />);
    expect(container.querySelectorAll('.katex')).toHaveLength(1); // x^2 only
    expect(container.textContent).toContain('Even split: $90 ÷ 3 = $30, with tip $35.40.');
    expect(container.querySelector('strong')?.textContent).toBe('$35.40');
    expect(container.querySelector('code')?.textContent).toBe('$HOME');
  });

  it('opens web links in the OS browser through main', async () => {
    render(<Markdown text="[safe](https://example.com/ok)" />);
    const link = screen.getByRole('link', { name: 'safe' });
    expect(link.getAttribute('rel')).toContain('noopener');
    const open = vi.spyOn(window, 'open');
    await userEvent.setup().click(link);
    await waitFor(() => expect(opened).toEqual(['https://example.com/ok']));
    expect(open).not.toHaveBeenCalled();
  });

  it('renders GFM tables, KaTeX math and highlighted code', async () => {
    const md = ['| a | b |', '|---|---|', '| 1 | 2 |', '', 'Inline $x^2$ and', '', '$$\\frac{1}{2}$$', '', '```js', 'const x = "hi";', '```'].join('\n');
    const { container } = render(<Markdown text={md} />);
    expect(container.querySelector('table td')?.textContent).toBe('1');
    expect(container.querySelectorAll('.katex').length).toBeGreaterThanOrEqual(2);
    await waitFor(() => expect(container.querySelector('code.hljs .hljs-keyword')?.textContent).toBe('const'), { timeout: 5000 });
    expect(screen.getByRole('button', { name: 'Copy js block' })).toBeTruthy();
  });

  it('streams block by block with the same result as the finished rendering', () => {
    const md = 'Para one\n\n```py\nx = 1\n\ny = 2\n```\n\n| h |\n|---|\n| v |\n\n$$\na\n\nb\n$$\n\nlast';
    expect(splitBlocks(md)).toEqual(['Para one', '```py\nx = 1\n\ny = 2\n```', '| h |\n|---|\n| v |', '$$\na\n\nb\n$$', 'last']);
    const a = render(<StreamingMarkdown text={md} />);
    const flat = (el: HTMLElement) => el.textContent!.replace(/\s+/g, '');
    const streamedText = flat(a.container);
    a.unmount();
    const b = render(<Markdown text={md} />);
    expect(flat(b.container)).toBe(streamedText);
    expect(b.container.querySelectorAll('table, .katex-display, .code-block')).toHaveLength(3);
  });

  it('accepts only http(s) and mailto URLs', () => {
    expect(safeHref('https://a.example/x')).toBe('https://a.example/x');
    expect(safeHref('mailto:a@b.example')).toBe('mailto:a@b.example');
    expect(safeHref(' javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
    expect(safeHref('vbscript:x')).toBeNull();
    expect(safeHref('https://user:pw@a.example')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
  });
});
