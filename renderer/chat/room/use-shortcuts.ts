import { useEffect } from 'react';
import { usePicker } from '../models/picker-store';
import { stopRoom } from '../state/actions';
import { newChat } from './new-chat';
import { usePalette } from '../../common/palette-store';

/** Ctrl/Cmd+N new chat, Ctrl/Cmd+K or Ctrl+Shift+P the command palette, Esc stops the open room's answers. */
export function useRoomShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        newChat();
      } else if ((mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k') || (mod && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'p')) {
        e.preventDefault();
        usePicker.getState().close();
        usePalette.getState().toggle();
      } else if (e.key === 'Escape' && !usePicker.getState().intent && !usePalette.getState().open) {
        void stopRoom();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
