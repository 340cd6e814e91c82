import { useState } from 'react';
import { updateConversation } from '../../history/db/conversations';
import { setConversationInMemory } from '../../common/room/room-store';
import type { Conversation } from '../../common/room/types';

/** Keep each column on the provider that served its first answer, so OpenRouter's prompt cache stays warm. */
export function PinProvidersToggle({ conversation }: { conversation: Conversation }) {
  // shown at once; the stored room follows (and puts it back if the write fails)
  const [pending, setPending] = useState<boolean | null>(null);
  const on = pending ?? !!conversation.pinProviders;
  return (
    <label className="blind-toggle" title="Keep each column on the provider that served its first answer, so its prompt cache stays warm (OpenRouter). A fallback to another provider is shown on the answer.">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => {
          const next = e.target.checked;
          setPending(next);
          void updateConversation(conversation.id, { pinProviders: next })
            .then(setConversationInMemory, (err: Error) => console.error('could not save the pin setting:', err.message))
            .finally(() => setPending(null));
        }}
      />
      Pin providers
    </label>
  );
}
