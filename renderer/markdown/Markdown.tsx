import { memo, useMemo, type ReactNode, type ComponentProps } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import 'katex/dist/katex.min.css';
import { CodeBlock } from './CodeBlock';
import { safeHref } from './safe-url';
import { openExternalLink } from './open-link';
import { splitBlocks } from './split-blocks';

// Model output is untrusted. Raw HTML in it is never rendered as HTML (react-markdown drops it without
// rehype-raw), the tree is sanitized before KaTeX adds its own markup, URLs are limited to http(s)/mailto, and
// images are shown as links so that output cannot make Parley fetch anything.

const schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [['className', /^language-./, 'math-inline', 'math-display']],
  },
};

const remarkPlugins = [remarkGfm, remarkMath];
const rehypePlugins: ComponentProps<typeof ReactMarkdown>['rehypePlugins'] = [[rehypeSanitize, schema], [rehypeKatex, { throwOnError: false, strict: 'ignore', trust: false }]];

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

export const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  return (
    <ReactMarkdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components} urlTransform={urlTransform}>
      {text}
    </ReactMarkdown>
  );
});

/** A finished answer: one document. */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <MarkdownBlock text={text} />
    </div>
  );
});

/** A streaming answer: earlier blocks keep their rendering; only the last one is parsed again. */
export function StreamingMarkdown({ text }: { text: string }) {
  const blocks = useMemo(() => splitBlocks(text), [text]);
  return (
    <div className="markdown">
      {blocks.map((b, i) => (
        <MarkdownBlock key={i} text={b} />
      ))}
    </div>
  );
}
