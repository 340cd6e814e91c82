import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { CHUNK_CHARS, chunkText, fencedCode } from './long-runs';

// A block holding a very long unbroken run (see long-runs.ts), shown as plain text in chunks. Each chunk after
// the first has `content-visibility: auto`: the browser lays out and paints only the chunks near the viewport, so
// the cost of showing or growing the block does not depend on its length. Skipped chunks take the height the
// first chunk (always laid out) has per character, so the scrollbar stays about right. A block shown for the first
// time paints its first chunk at once and the others in a transition, which React renders in slices.

const Chunk = memo(function Chunk({ text, estimatePx }: { text: string; estimatePx: number | null }) {
  return (
    <div className="md-long-chunk" style={estimatePx ? { containIntrinsicSize: `auto 0px auto ${estimatePx}px` } : undefined}>
      {text}
    </div>
  );
});

function ChunkedText({ text }: { text: string }) {
  const shown = useDeferredValue(text, text.slice(0, CHUNK_CHARS));
  const chunks = useMemo(() => chunkText(shown), [shown]);
  const first = useRef<HTMLDivElement>(null);
  const [pxPerChar, setPxPerChar] = useState<number | null>(null);
  const firstLength = chunks[0]!.length;
  useEffect(() => {
    const el = first.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([e]) => {
      const h = e?.borderBoxSize?.[0]?.blockSize ?? e?.contentRect.height ?? 0;
      // rounded so that the per-publish growth of a streaming first chunk does not re-render every chunk
      if (h > 0 && firstLength > 0) setPxPerChar(Math.round((h / firstLength) * 1000) / 1000);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [firstLength]);
  return (
    <div className="md-long" data-chunks={chunks.length}>
      <div className="md-long-first" ref={first}>
        {chunks[0]}
      </div>
      {chunks.slice(1).map((c, i) => (
        <Chunk key={i} text={c} estimatePx={pxPerChar ? Math.ceil(pxPerChar * c.length) : null} />
      ))}
    </div>
  );
}

/** A long block: a code block (language bar, Copy, no colours) when fenced, plain wrapped text otherwise. */
export const LongBlock = memo(function LongBlock({ text }: { text: string }) {
  const code = useMemo(() => fencedCode(text), [text]);
  const [copied, setCopied] = useState(false);
  if (!code) return <ChunkedText text={text} />;
  return (
    <div className="code-block md-long-code">
      <div className="code-bar">
        <span className="code-lang">{code.lang || 'code'}</span>
        <button
          type="button"
          className="small"
          aria-label={`Copy ${code.lang || 'code'} block`}
          onClick={() => void navigator.clipboard?.writeText(code.code).then(() => setCopied(true))}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <ChunkedText text={code.code} />
    </div>
  );
});
