import { useEffect, useMemo, useState } from 'react';
import type { MessageRow } from '../../common/room/types';
import { countContext, countInSlices, uncountedMessages, type ContextCount } from './context-count';

/** Up to this many new messages are counted during the render; more (a long room just read whole) in slices. */
export const COUNT_IN_RENDER = 50;

/**
 * A column's next-request count for its meter. A history with many messages never counted (a 10,000-message room
 * read whole after its first paint) would tokenize for over 100 ms in one render: it is counted in slices first,
 * and the meter has no figure (null) until then.
 */
export function useContextCount(model: string, systemPrompt: string | undefined, history: MessageRow[]): ContextCount | null {
  const [countedHistory, setCountedHistory] = useState<MessageRow[] | null>(null);
  const ready = useMemo(() => countedHistory === history || uncountedMessages(history) <= COUNT_IN_RENDER, [countedHistory, history]);
  useEffect(() => {
    if (ready) return;
    let live = true;
    void countInSlices(history).then(() => live && setCountedHistory(history));
    return () => {
      live = false;
    };
  }, [ready, history]);
  return useMemo(() => (ready ? countContext({ model, systemPrompt, history }) : null), [ready, model, systemPrompt, history]);
}
