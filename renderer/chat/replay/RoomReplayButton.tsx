import { useState } from 'react';
import { listMessages } from '../../history/db/messages';
import type { ReplaySource } from '../../history/db/types';
import { promptExcerpt } from '../../history/db/prompt-excerpt';
import { useUi } from '../../common/ui-store';
import { refreshConversations, useRoom } from '../../common/room/room-store';
import { ReplayDialog } from './ReplayDialog';

/** "Replay…" in a room: its prompts asked again on models you choose (this room's by default). */
export function RoomReplayButton({ conversationId }: { conversationId: string }) {
  const [sources, setSources] = useState<ReplaySource[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const columns = useRoom((s) => (s.conversation?.id === conversationId ? s.conversation.columns : []));
  const openRoom = useUi((s) => s.openRoom);
  const open = async () => {
    setProblem(null);
    try {
      const rows = await listMessages(conversationId);
      setSources(rows.filter((m) => m.role === 'user').sort((a, b) => a.seq - b.seq).map((m) => ({ conversationId, promptId: m.id, excerpt: promptExcerpt(m.content) })));
    } catch (err) {
      setProblem(`Could not read this room’s prompts: ${(err as Error).message}`);
    }
  };
  return (
    <>
      <button type="button" className="small" title="Ask this room’s prompts again on other models, as blind turns" onClick={() => void open()}>
        Replay…
      </button>
      {problem ? <span className="error" role="alert">{problem}</span> : null}
      {sources ? (
        <ReplayDialog
          sources={sources}
          suggestedModels={[...new Set(columns.map((c) => c.model))]}
          onClose={() => setSources(null)}
          onStarted={(id) => {
            setSources(null);
            void refreshConversations();
            openRoom(id);
          }}
        />
      ) : null}
    </>
  );
}
