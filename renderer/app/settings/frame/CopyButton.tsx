import { useEffect, useState } from 'react';
import { Check, Copy } from 'lucide-react';

/** An icon button that copies a text; says "Copied" for a moment after. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(t);
  }, [copied]);
  const name = copied ? 'Copied' : `Copy ${what}`;
  return (
    <button type="button" className="copy-button" aria-label={name} title={name} onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => {})}>
      {copied ? <Check size={16} aria-hidden /> : <Copy size={16} aria-hidden />}
    </button>
  );
}
