import { create } from 'zustand';

/** Why the model picker is open: add a column, change one, or retry a failed answer with another model. */
export type PickerIntent = { kind: 'add-column' } | { kind: 'change-column'; columnId: string } | { kind: 'retry'; messageId: string };

export const usePicker = create<{ intent: PickerIntent | null; open(i: PickerIntent): void; close(): void }>((set) => ({
  intent: null,
  open: (intent) => set({ intent }),
  close: () => set({ intent: null }),
}));
