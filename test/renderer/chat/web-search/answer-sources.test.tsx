import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { UrlCitation } from '../../../../shared/openrouter/annotations';
import { AnswerSources } from '../../../../renderer/chat/web-search/AnswerSources';
import { Markdown } from '../../../../renderer/chat/markdown/Markdown';
import { numberSources, withCitationMarkers } from '../../../../renderer/common/web-search/sources';

// Sources under an answer: numbered, titles as plain text whatever they hold, only http(s) URLs linked, links opened
// through main (links.open), and the answer's cited passages marked [n].

const opened: string[] = [];
beforeAll(() => {
  window.parley = {
    invoke: (async (route: string, input: { url: string }) => {
      if (route === 'links.open') opened.push(input.url);
      return { ok: true, value: { opened: true } };
    }) as never,
    subscribe: () => () => {},
  };
});
afterEach(() => {
  cleanup();
  opened.length = 0;
});

const TEXT = 'High tide is at 06:12. The harbour closes at dusk.';
const SOURCES: UrlCitation[] = [
  { url: 'https://tides.example.org/brest', title: 'Tide tables for Brest', start_index: 0, end_index: 22 },
  { url: 'javascript:alert(document.cookie)', title: 'Click me', start_index: 23, end_index: 50 },
  { url: 'https://www.harbour.example.net/notes?a=(1)', title: '<img src=x onerror="window.__pwned=1"> Harbour <b>notes</b>\u202e txet', start_index: 23, end_index: 50 },
  { url: 'https://tides.example.org/brest', title: 'Tide tables again', start_index: 23, end_index: 50 },
  { url: 'data:text/html,<script>alert(1)</script>', title: '' },
  { url: 'https://user:pw@evil.example.com/', title: 'Credentials in the URL' },
];

describe('AnswerSources', () => {
  it('numbers each page once, shows hostile titles as text and links only http(s) URLs', () => {
    render(<AnswerSources sources={SOURCES} />);
    const list = screen.getByRole('region', { name: 'Sources' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('value'))).toEqual(['1', '2', '3', '4', '5']);
    expect(items[0]!.textContent).toBe('Tide tables for Brestexample.org'.replace('example.org', 'tides.example.org'));
    // markup in a title stays text: no element made from it, nothing run
    expect(items[2]!.textContent).toContain('<img src=x onerror="window.__pwned=1"> Harbour <b>notes</b>');
    expect(items[2]!.textContent).not.toContain('\u202e');
    expect(list.querySelector('img, b, script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    // links: the two https pages; never javascript:, data: or a URL carrying credentials
    const links = within(list).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://tides.example.org/brest', 'https://www.harbour.example.net/notes?a=(1)']);
    expect(items[1]!.querySelector('a')).toBeNull();
    expect(items[1]!.textContent).toContain('javascript:alert(document.cookie)');
    expect(items[3]!.querySelector('a')).toBeNull();
    expect(items[4]!.querySelector('a')).toBeNull();
    expect(within(list).getByText('harbour.example.net')).toBeTruthy();
  });

  it('opens a source in the system browser through main, and the page itself never navigates', async () => {
    render(<AnswerSources sources={SOURCES} />);
    const link = screen.getByRole('link', { name: 'Tide tables for Brest' });
    const click = fireEvent.click(link);
    expect(click).toBe(false); // default prevented
    await new Promise((r) => setTimeout(r, 0));
    expect(opened).toEqual(['https://tides.example.org/brest']);
  });

  it('renders nothing without sources', () => {
    const { container } = render(<AnswerSources sources={undefined} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('citation markers', () => {
  it('marks each cited passage with its sources\u2019 numbers, linking only http(s) ones', () => {
    const marked = withCitationMarkers(TEXT, SOURCES);
    expect(marked).toBe(
      'High tide is at 06:12. [\\[1\\]](https://tides.example.org/brest "Source 1") The harbour closes at dusk. ' +
        '[\\[1\\]](https://tides.example.org/brest "Source 1")\\[2\\][\\[3\\]](https://www.harbour.example.net/notes?a=%281%29 "Source 3")',
    );
    render(<Markdown text={marked} />);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['[1]', 'https://tides.example.org/brest'],
      ['[1]', 'https://tides.example.org/brest'],
      ['[3]', 'https://www.harbour.example.net/notes?a=%281%29'],
    ]);
    expect(document.body.textContent).toContain('dusk. [1][2][3]');
  });

  it('adds nothing for sources without indices or with indices past the text', () => {
    expect(withCitationMarkers(TEXT, [{ url: 'https://a.example/', title: 'A' }])).toBe(TEXT);
    expect(withCitationMarkers(TEXT, [{ url: 'https://a.example/', start_index: 0, end_index: 999 }])).toBe(TEXT);
    expect(numberSources([{ url: 'https://a.example/' }])[0]).toMatchObject({ title: 'a.example', href: 'https://a.example/' });
  });
});
