import { useEffect, useState } from 'react';
import { cachedHighlight, highlight } from './highlighter';

/** A fenced code block: plain text at once, colours when the worker has them, and a copy button. */
export function CodeBlock({ code, lang }: { code: string; lang: string }) {
  const key = `${lang}\u0000${code}`;
  const [result, setResult] = useState<{ key: string; html: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const html = cachedHighlight(code, lang) ?? (result?.key === key ? result.html : undefined);
  useEffect(() => {
    if (cachedHighlight(code, lang) !== undefined) return;
    let live = true;
    const t = setTimeout(() => {
      void highlight(code, lang).then((h) => live && setResult({ key: `${lang}\u0000${code}`, html: h }));
    }, 30);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [code, lang]);
  return (
    <div className="code-block">
      <div className="code-bar">
        <span className="code-lang">{lang || 'code'}</span>
        <button
          type="button"
          className="small"
          aria-label={`Copy ${lang || 'code'} block`}
          onClick={() => {
            void navigator.clipboard?.writeText(code).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <pre>
        {html ? <code className={`hljs language-${lang}`} dangerouslySetInnerHTML={{ __html: html }} /> : <code>{code}</code>}
      </pre>
    </div>
  );
}
