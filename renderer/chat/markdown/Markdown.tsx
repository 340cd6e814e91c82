import { memo, useDeferredValue, useEffect, useMemo, useRef, type ReactElement, type ReactNode, type ComponentProps } from 'react';
import renderMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import 'katex/dist/katex.min.css';
import { CodeBlock } from './CodeBlock';
import { safeHref } from './safe-url';
import { openExternalLink } from './open-link';
import { splitBlocks } from './split-blocks';
import { hasLongRun, longSegments } from './long-runs';
import { LongBlock } from './LongBlock';
import { SPLIT_FROM, documentBlocks } from './document-blocks';
import { remarkHtmlAsText } from './html-as-text';
import { displayMathOnOwnLine } from './display-math';
import { escapeCurrencyDollars } from './currency-dollars';

// Model output is untrusted. Raw HTML in it is never rendered as HTML: it is shown as escaped text
// (remarkHtmlAsText; there is no rehype-raw), the tree is sanitized before KaTeX adds its own markup, URLs are limited to http(s)/mailto, and
// images are shown as links so that output cannot make Parley fetch anything.

const schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [['className', /^language-./, 'math-inline', 'math-display']],
  },
};

type Plugins = ComponentProps<typeof renderMarkdown>['rehypePlugins'];
const sanitize: NonNullable<Plugins>[number] = [rehypeSanitize, schema];
const katex: NonNullable<Plugins>[number] = [rehypeKatex, { throwOnError: false, strict: 'ignore', trust: false }];
// math costs a parse pass and KaTeX; text with no "$" needs neither
const MATH = { remark: [remarkGfm, remarkMath, remarkHtmlAsText], rehype: [sanitize, katex] };
const PLAIN = { remark: [remarkGfm, remarkHtmlAsText], rehype: [sanitize] };

const urlTransform = (url: string) => safeHref(url) ?? '';

function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node && typeof node === 'object' && 'props' in node) return textOf((node.props as { children?: ReactNode }).children);
  return '';
}

const components: Components = {
  a({ href, children }) {
    const safe = safeHref(href);
    if (!safe) return <span className="md-dead-link">{children}</span>;
    return (
      <a
        href={safe}
        title={safe}
        rel="noopener noreferrer nofollow"
        target="_blank"
        onClick={(e) => {
          e.preventDefault();
          void openExternalLink(safe);
        }}
      >
        {children}
      </a>
    );
  },
  img({ src, alt }) {
    const safe = typeof src === 'string' ? safeHref(src) : null;
    const label = `image: ${alt || 'untitled'}`;
    if (!safe) return <span className="md-image">[{label}]</span>;
    return (
      <a href={safe} className="md-image" rel="noopener noreferrer nofollow" onClick={(e) => { e.preventDefault(); void openExternalLink(safe); }}>
        [{label}]
      </a>
    );
  },
  pre({ children }) {
    const code = Array.isArray(children) ? children[0] : children;
    const props = (code && typeof code === 'object' && 'props' in code ? code.props : {}) as { className?: string; children?: ReactNode };
    const lang = /language-([\w+#.-]+)/.exec(props.className ?? '')?.[1] ?? '';
    return <CodeBlock code={textOf(props.children).replace(/\n$/, '')} lang={lang} />;
  },
};

function render(text: string): ReactElement {
  const p = text.includes('$') ? MATH : PLAIN;
  return renderMarkdown({ children: p === MATH ? escapeCurrencyDollars(displayMathOnOwnLine(text)) : text, remarkPlugins: p.remark, rehypePlugins: p.rehype, components, urlTransform }) as ReactElement;
}

// Rendered blocks by text: scrolling back to, or reopening, an answer does not parse it again.
const cache = new Map<string, ReactElement>();
const CACHE_MAX = 3000;
function renderCached(text: string): ReactElement {
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const el = render(text);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(text, el);
  return el;
}

export const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  return renderCached(text);
});

/** Markdown not rendered before shows as plain text for a frame while it renders in a transition. */
function DeferredMarkdown({ text }: { text: string }) {
  const ready = useDeferredValue(text, cache.has(text) ? text : null);
  return ready === null ? <div className="md-plain">{text}</div> : <MarkdownBlock text={ready} />;
}

// In a long answer (.md-blocks) the browser lays out and paints only the blocks near the viewport
// (content-visibility), so showing or growing 1 MB of paragraphs costs about what the visible part costs.

/**
 * A finished answer: one document. Text not rendered before shows as plain text for a frame while its markdown
 * renders in a transition (React yields between answers), so opening a long conversation paints at once and
 * never blocks the main thread for long. Blocks holding a very long unbroken run are shown by LongBlock, and the
 * markdown between them as documents of their own; a long answer is rendered block by block (document-blocks.ts).
 */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  const segments = useMemo(() => longSegments(text), [text]);
  const blocks = useMemo(() => (segments ? null : documentBlocks(text)), [segments, text]);
  return (
    <div className={blocks ? 'markdown md-blocks' : 'markdown'}>
      {segments
        ? segments.map((s, i) => (s.long ? <LongBlock key={i} text={s.text} /> : <DeferredMarkdown key={i} text={s.text} />))
        : blocks
          ? blocks.map((b, i) => <DeferredMarkdown key={i} text={b} />)
          : <DeferredMarkdown text={text} />}
    </div>
  );
});

/** Compiles the markdown pipeline once while the app is idle, so the first answer shown does not pay for it. */
export function warmUpMarkdown() {
  const run = () => void render('**warm** `up` [a](https://example.com)\n\n- x\n\n| a |\n|---|\n| 1 |\n\n```js\n1\n```\n\n$x$');
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}

/** The block a stream is writing: parsed again on every delta. Its latest rendering is kept in the cache (the one
 * before it dropped), so once the block is finished it is not parsed again. */
function GrowingBlock({ text }: { text: string }) {
  const el = useMemo(() => render(text), [text]);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (shown.current !== null && shown.current !== text) cache.delete(shown.current);
    cache.set(text, el);
    shown.current = text;
  }, [text, el]);
  return el;
}

/**
 * A streaming answer: only the last block is parsed on each delta. A block the stream has finished is parsed in a
 * transition (DeferredMarkdown) unless it is cached, so when many deltas arrive at once the main thread parses
 * one block synchronously, not all the new ones.
 */
export function StreamingMarkdown({ text }: { text: string }) {
  const blocks = useMemo(() => splitBlocks(text), [text]);
  return (
    <div className={text.length >= SPLIT_FROM ? 'markdown md-blocks' : 'markdown'}>
      {blocks.map((b, i) => (hasLongRun(b) ? <LongBlock key={i} text={b} /> : i === blocks.length - 1 ? <GrowingBlock key={i} text={b} /> : <DeferredMarkdown key={i} text={b} />))}
    </div>
  );
}
