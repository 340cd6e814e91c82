import snapshot from './snapshot.json';
import type { Catalog } from './types';

/** The catalog generated at build time by scripts/catalog/build-catalog.ts (`npm run catalog`); works offline. */
export function loadBundledCatalog(): Catalog {
  return snapshot as unknown as Catalog;
}
