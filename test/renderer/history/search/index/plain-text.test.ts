// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { markdownToPlainText } from '../../../../../renderer/history/db/search-index/plain-text';

describe('search snippets as plain text', () => {
  it('drops table pipes and separator rows, emphasis, headings, quotes and list marks', () => {
    const md = '## Totals\n\n| Person | Share |\n|---|:---:|\n| Ana | **$30** |\n\n> *Round up* if needed\n\n- one\n1. two';
    expect(markdownToPlainText(md)).toBe('Totals Person · Share Ana · $30 Round up if needed one two');
  });

  it('writes math without its delimiters', () => {
    expect(markdownToPlainText('A third: $$\\frac{1}{3}$$ and $x \\cdot y$, \\(a \\le b\\)')).toBe('A third: 1/3 and x · y, a ≤ b');
  });

  it('keeps code, link text and raw HTML as text', () => {
    expect(markdownToPlainText('See [the docs](https://x.example) and `npm test`:\n```sh\nnpm ci\n```\n<b>bold?</b>')).toBe('See the docs and npm test: npm ci <b>bold?</b>');
  });
});

describe('search snippets', () => {
  it('keep the words before the first match, starting at a word', async () => {
    const { makeSnippet } = await import('../../../../../renderer/history/db/search-index/snippet');
    const s = makeSnippet('Three friends share a $90 dinner. How should they split it?', (w) => w === 'split');
    expect(s.text).toBe('share a $90 dinner. How should they split it?');
    expect(s.before).toBe(true);
  });
});
