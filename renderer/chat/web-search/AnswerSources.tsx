import { memo } from 'react';
import { Globe } from 'lucide-react';
import type { UrlCitation } from '../../../shared/openrouter/annotations';
import { openExternalLink } from '../markdown/open-link';
import { numberSources } from '../../common/web-search/sources';
import './web-search.css';

/** The web pages an answer's search found, numbered as the answer's `[n]` markers cite them. Links open in the
 * system browser; a URL that is not http(s) is shown as text only. */
export const AnswerSources = memo(function AnswerSources({ sources }: { sources: readonly UrlCitation[] | undefined }) {
  const list = numberSources(sources);
  if (list.length === 0) return null;
  return (
    <section className="answer-sources" aria-label="Sources">
      <h3 className="answer-sources-title">
        <Globe aria-hidden="true" size={14} /> Sources
      </h3>
      <ol className="answer-sources-list">
        {list.map((s) => (
          <li key={s.n} value={s.n}>
            {s.href ? (
              <a
                href={s.href}
                title={s.url}
                rel="noopener noreferrer nofollow"
                onClick={(e) => {
                  e.preventDefault();
                  void openExternalLink(s.href!);
                }}
              >
                {s.title}
              </a>
            ) : (
              <span className="answer-source-unlinked" title="Not a web link: not opened">{s.title}</span>
            )}
            {s.domain ? <span className="answer-source-domain">{s.domain}</span> : null}
            {!s.href ? <span className="answer-source-domain">{s.url}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
});
