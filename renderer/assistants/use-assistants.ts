import { useEffect, useMemo, useState } from 'react';
import { create } from 'zustand';
import { useModels } from '../common/models/use-models';
import { listAssistants, onAssistantsChanged } from './store';
import { resolveStarter, STARTER_ASSISTANTS, type ResolvedStarter } from './starters';
import type { Assistant } from './types';

// The list last read, so a view opened again (the command palette) lists the assistants at once, not after a read.
let lastRead: Assistant[] = [];

/** The stored assistants, kept current. */
export function useAssistants(): Assistant[] {
  const [list, setList] = useState<Assistant[]>(lastRead);
  useEffect(() => {
    let live = true;
    const load = () =>
      void listAssistants().then((l) => {
        lastRead = l;
        if (live) setList(l);
      }, () => undefined);
    load();
    const off = onAssistantsChanged(load);
    return () => {
      live = false;
      off();
    };
  }, []);
  return list;
}

/** The starters over the catalog the user has (empty until it has loaded, so none claims a model is missing early). */
export function useStarters(): ResolvedStarter[] {
  const { models, loaded } = useModels();
  return useMemo(() => {
    if (!loaded) return [];
    const known = new Set(models.map((m) => m.id));
    return STARTER_ASSISTANTS.map((s) => resolveStarter(s, known));
  }, [models, loaded]);
}

/** The assistant being edited in the editor dialog; `isNew` while it is not stored yet. */
export const useAssistantEditor = create<{ editing: Assistant | null; isNew: boolean; open(a: Assistant, isNew?: boolean): void; close(): void }>((set) => ({
  editing: null,
  isNew: false,
  open: (editing, isNew = false) => set({ editing, isNew }),
  close: () => set({ editing: null, isNew: false }),
}));
