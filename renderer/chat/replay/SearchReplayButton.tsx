import { useState } from 'react';
import type { ReplaySource } from '../../history/db/types';
import { useUi } from '../../common/ui-store';
import { refreshConversations } from '../../common/room/room-store';
import { ReplayDialog } from './ReplayDialog';
import { replaySourcesOf } from './search-sources';

/** "Replay these prompts…" under search results: the prompts found (or answered) asked again on models you choose. */
export function SearchReplayButton({ hits }: { hits: readonly { conversationId: string; messageId: string }[] }) {
  const [chosen, setChosen] = useState<{ sources: ReplaySource[]; models: string[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const openRoom = useUi((s) => s.openRoom);
  const open = async () => {
    setProblem(null);
    try {
      const found = await replaySourcesOf(hits);
      if (found.sources.length) setChosen(found);
      else setProblem('No prompts among these results.');
    } catch (err) {
      setProblem(`Could not read these prompts: ${(err as Error).message}`);
    }
  };
  return (
    <>
      <button type="button" className="small" title="Ask the prompts of these results again on other models, as blind turns" onClick={() => void open()}>
        Replay these prompts…
      </button>
      {problem ? <span className="error" role="alert">{problem}</span> : null}
      {chosen ? (
        <ReplayDialog
          sources={chosen.sources}
          suggestedModels={chosen.models}
          onClose={() => setChosen(null)}
          onStarted={(id) => {
            setChosen(null);
            void refreshConversations();
            openRoom(id);
          }}
        />
      ) : null}
    </>
  );
}
