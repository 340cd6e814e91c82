import { create } from 'zustand';

/** Why the model picker is open: add a column, change one, retry a failed answer with another model, or pick the
 * model that fuses a turn's answers. */
export type PickerIntent =
  | { kind: 'add-column' }
  | { kind: 'change-column'; columnId: string }
  | { kind: 'retry'; messageId: string }
  | { kind: 'fuse'; promptId: string };

export const usePicker = create<{ intent: PickerIntent | null; open(i: PickerIntent): void; close(): void }>((set) => ({
  intent: null,
  open: (intent) => set({ intent }),
  close: () => set({ intent: null }),
}));
