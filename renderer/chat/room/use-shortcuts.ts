import { useEffect } from 'react';
import { usePicker } from '../models/picker-store';
import { stopRoom } from '../state/actions';
import { newChat } from './new-chat';

/** Ctrl/Cmd+N new chat, Ctrl/Cmd+K model picker, Esc stops the open room's answers. */
export function useRoomShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        newChat();
      } else if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        usePicker.getState().open({ kind: 'add-column' });
      } else if (e.key === 'Escape' && !usePicker.getState().intent) {
        void stopRoom();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
