import { useEffect, useRef, useState } from 'react';
import { getConversation, searchMessages, type SearchHit } from '../../db';
import { loadVeil } from '../../../common/room/use-veil';

// Debounced search-as-you-type over the local history. Answers that arrive after a newer query started are
// dropped, so the list always matches what is in the box.

export const SEARCH_DEBOUNCE_MS = 150;

export interface ShownHit extends SearchHit {
  /** "You", or the column's label/model for an answer */
  author: string;
}

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; hits: ShownHit[]; total: number }
  | { status: 'error'; message: string };

/** What a result names an answer by while its turn is blind and not voted on: who answered stays hidden. */
export const HIDDEN_AUTHOR = 'Hidden answer (vote to reveal)';

async function withAuthors(hits: SearchHit[]): Promise<ShownHit[]> {
  const ids = [...new Set(hits.map((h) => h.conversationId))];
  const convs = new Map((await Promise.all(ids.map((id) => getConversation(id)))).flatMap((c) => (c ? [[c.id, c] as const] : [])));
  // which answers belong to a blind turn not voted on yet: the rule every view asks (chat/state/blind-veil.ts)
  const veil = await loadVeil(undefined, [...convs.values()].filter((c) => c.blind).map((c) => c.id));
  return hits.map((h): ShownHit => {
    if (h.role === 'user') return { ...h, author: 'You' };
    if (veil.letters.has(h.messageId)) return { ...h, model: null, author: HIDDEN_AUTHOR };
    const conv = convs.get(h.conversationId);
    const col = conv?.columns.find((c) => c.id === h.columnId);
    return { ...h, author: col ? (col.label ?? col.model) : (h.model ?? 'Assistant') };
  });
}

type Answer = { query: string } & ({ status: 'done'; hits: ShownHit[]; total: number } | { status: 'error'; message: string });

export function useSearch(query: string, limit = 20): SearchState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    const token = ++latest.current;
    if (!query.trim()) return;
    let answersSomeone = true; // until the query changes or the box is gone
    const timer = setTimeout(() => {
      searchMessages(query, { limit })
        .then(async (res) => {
          const hits = await withAuthors(res.hits);
          if (answersSomeone && token === latest.current) setAnswer({ query, status: 'done', hits, total: res.total });
        })
        .catch((err: unknown) => {
          if (answersSomeone && token === latest.current) setAnswer({ query, status: 'error', message: err instanceof Error ? err.message : 'Search failed.' });
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      answersSomeone = false;
    };
  }, [query, limit]);
  if (!query.trim()) return { status: 'idle' };
  if (!answer) return { status: 'searching' };
  if (answer.query === query) return answer;
  // while typing, keep showing the previous results rather than flickering to "Searching…"
  return answer.status === 'done' && answer.hits.length > 0 ? answer : { status: 'searching' };
}
