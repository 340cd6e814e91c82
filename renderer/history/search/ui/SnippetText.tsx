import { snippetParts, type Snippet } from '../../db';

/** A search snippet with its matched words in <mark>; everything is rendered as text, never as markup. */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  return (
    <span className="search-snippet">
      {snippet.before ? '… ' : null}
      {snippetParts(snippet).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
      {snippet.after ? ' …' : null}
    </span>
  );
}
