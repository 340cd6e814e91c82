import { useEffect, useState } from 'react';
import { bridge } from '../../bridge';
import type { ModelList, ModelSummary } from '../../../shared/contract/models';

let cached: Promise<ModelList> | null = null;
let following = false;
const listeners = new Set<() => void>();

/** Main says which upstream serves what whenever keys, detected servers or the catalog change (models.changed):
 * the cached list is replaced and every picker, estimate and budget check re-reads it, in every window. */
function followChanges() {
  if (following) return;
  following = true;
  bridge().on('models.changed', (list) => {
    cached = Promise.resolve(list);
    for (const l of listeners) l();
  });
}

/** The catalog as main serves it (models.list), fetched once per page and kept current by models.changed. */
export function loadModels(force = false): Promise<ModelList> {
  followChanges();
  if (!cached || force) {
    cached = bridge().invoke('models.list', {}).catch((err: Error) => {
      cached = null;
      throw err;
    });
  }
  return cached;
}

/** For tests: forget the cached list and stop following main's events. */
export function resetModelsForTests() {
  cached = null;
  following = false;
  listeners.clear();
}

export function useModels(): {
  models: ModelSummary[];
  loaded: boolean;
  error: string | null;
  source: ModelList['source'] | null;
  fetchedAt: number | null;
  reload: () => void;
} {
  const [state, setState] = useState<{ list: ModelList | null; error: string | null }>({ list: null, error: null });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    listeners.add(bump);
    return () => void listeners.delete(bump);
  }, []);
  useEffect(() => {
    let live = true;
    loadModels().then(
      (list) => live && setState({ list, error: null }),
      (err: Error) => live && setState({ list: null, error: err.message }),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return {
    models: state.list?.models ?? [],
    loaded: state.list !== null,
    error: state.error,
    source: state.list?.source ?? null,
    fetchedAt: state.list?.fetchedAt ?? null,
    reload: () => setVersion((v) => v + 1),
  };
}

export function findModel(models: ModelSummary[], slug: string): ModelSummary | undefined {
  const base = slug.split(':')[0];
  return models.find((m) => m.id === slug) ?? models.find((m) => m.id === base);
}
