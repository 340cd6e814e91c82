import { useEffect } from 'react';
import { useUi } from '../common/ui-store';

// When a room opens (a new chat, a conversation from the list, the app's start), the prompt box takes the focus,
// so typing starts at once instead of after a dozen Tabs. A message to bring into view (from Activity) keeps its own
// focus.

/** Focuses the prompt box once it is there (the room may still be loading); true when it was. */
function focusPrompt(): boolean {
  const box = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Prompt"]');
  box?.focus({ preventScroll: true });
  return !!box;
}

const TRIES = 20;
const EVERY_MS = 50;

export function useFocusComposerOnRoomOpen() {
  const view = useUi((s) => s.view);
  const roomKey = view.kind === 'room' && !view.focusMessageId ? `room:${view.conversationId ?? 'new'}` : null;
  useEffect(() => {
    if (!roomKey) return;
    let tries = 0;
    const before = document.activeElement;
    const timer = setInterval(() => {
      // the user already went somewhere else (clicked a control while the room loaded): leave the focus there
      const now = document.activeElement;
      if (now && now !== document.body && now !== before) return clearInterval(timer);
      if (focusPrompt() || ++tries >= TRIES) clearInterval(timer);
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [roomKey]);
}
