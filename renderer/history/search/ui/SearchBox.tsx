import { useRef, useState, type KeyboardEvent } from 'react';
import { formatDay, formatMoment } from '../../../../shared/format/dates';
import { useUi } from '../../../common/ui-store';
import { SnippetText } from './SnippetText';
import { useSearch, type ShownHit } from './use-search';
import { searchReplaySlot } from '../../../common/slots/room-slots';


interface HitGroup {
  conversationId: string;
  title: string;
  newest: number;
  hits: ShownHit[];
}

/** Results per conversation, in the order of each conversation's best hit. */
function groupHits(hits: ShownHit[]): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const h of hits) {
    let g = groups.get(h.conversationId);
    if (!g) groups.set(h.conversationId, (g = { conversationId: h.conversationId, title: h.conversationTitle || 'Untitled conversation', newest: 0, hits: [] }));
    g.hits.push(h);
    g.newest = Math.max(g.newest, h.createdAt);
  }
  return [...groups.values()];
}

/** Sidebar search over every stored message; choosing a result opens its conversation at that message. */
export function SearchBox() {
  const [query, setQuery] = useState('');
  const state = useSearch(query);
  const openMessage = useUi((s) => s.openMessage);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const open = (hit: ShownHit) => openMessage(hit.conversationId, hit.messageId);
  const clear = () => {
    setQuery('');
    input.current?.focus();
  };
  const resultButtons = () => (list.current ? [...list.current.querySelectorAll<HTMLButtonElement>('button.search-hit')] : []);

  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && query) {
      e.stopPropagation();
      clear();
    } else if (e.key === 'Enter' && state.status === 'done' && state.hits[0]) {
      e.preventDefault();
      open(state.hits[0]);
    } else if (e.key === 'ArrowDown' && resultButtons()[0]) {
      e.preventDefault();
      resultButtons()[0]!.focus();
    }
  };
  const onResultKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const results = resultButtons();
    const i = results.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      clear();
    } else if (e.key === 'ArrowDown' && i >= 0) {
      e.preventDefault();
      results[Math.min(results.length - 1, i + 1)]?.focus();
    } else if (e.key === 'ArrowUp' && i >= 0) {
      e.preventDefault();
      if (i === 0) input.current?.focus();
      else results[i - 1]?.focus();
    }
  };

  return (
    <div className="search" role="search">
      <input
        ref={input}
        type="search"
        aria-label="Search conversations"
        placeholder="Search conversations"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onInputKey}
      />
      {state.status === 'searching' ? <p className="search-status muted" role="status">Searching…</p> : null}
      {state.status === 'error' ? <p className="search-status error" role="alert">Search failed: {state.message}</p> : null}
      {state.status === 'done' && state.hits.length === 0 ? (
        <p className="search-status muted" role="status">No messages match “{query.trim()}”.</p>
      ) : null}
      {state.status === 'done' && state.hits.length > 0 ? (
        <div className="search-panel">
          <p className="search-summary muted">
            {state.hits.length === 1 ? '1 match' : `${state.hits.length}${state.total > state.hits.length ? ` of ${state.total}` : ''} matches`}
          </p>
          <searchReplaySlot.Slot hits={state.hits} />
          <ul ref={list} className="search-results" aria-label="Search results" onKeyDown={onResultKey}>
            {groupHits(state.hits).map((g) => (
              <li key={g.conversationId} className="search-group" aria-label={g.title}>
                <div className="search-group-head">
                  <span className="search-group-title" title={g.title}>{g.title}</span>
                  <span className="search-group-date muted">{formatDay(g.newest)}</span>
                </div>
                <ul className="search-group-hits">
                  {g.hits.map((h) => (
                    <li key={h.messageId}>
                      <button type="button" className="search-hit" onClick={() => open(h)}>
                        <span className="visually-hidden">{g.title}: </span>
                        <span className="search-hit-meta muted">
                          {h.author}
                          {h.field === 'reasoning' ? ' · in its reasoning' : ''} · {formatMoment(h.createdAt)}
                        </span>
                        <SnippetText snippet={h.snippet} />
                      </button>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
