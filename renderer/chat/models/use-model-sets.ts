import { useEffect, useState } from 'react';
import { listModelSets, onModelSetsChanged, type ModelSet } from './model-sets';

export function useModelSets(): ModelSet[] {
  const [sets, setSets] = useState<ModelSet[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => void listModelSets().then((s) => live && setSets(s), () => undefined);
    load();
    const off = onModelSetsChanged(load);
    return () => {
      live = false;
      off();
    };
  }, []);
  return sets;
}
