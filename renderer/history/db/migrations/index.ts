import type { Transaction } from 'dexie';
import { V1_STORES } from './v1';
import { V2_STORES, upgradeToV2 } from './v2';
import { V3_STORES, upgradeToV3 } from './v3';
import { V4_STORES, upgradeToV4 } from './v4';
import { V5_STORES, upgradeToV5 } from './v5';
import { V7_STORES, upgradeToV7 } from './v7';
import { V8_STORES, upgradeToV8 } from './v8';
import { V9_STORES, upgradeToV9 } from './v9';
import { V10_STORES, upgradeToV10 } from './v10';

// Every schema version Parley has shipped, oldest first. To change the schema, append a version with its stores
// and an upgrade (a test checks that each version after the first has one). Never edit or drop a shipped entry.

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: V1_STORES },
  { version: 2, stores: V2_STORES, upgrade: upgradeToV2 },
  { version: 3, stores: V3_STORES, upgrade: upgradeToV3 },
  { version: 4, stores: V4_STORES, upgrade: upgradeToV4 },
  { version: 5, stores: V5_STORES, upgrade: upgradeToV5 },
  { version: 7, stores: V7_STORES, upgrade: upgradeToV7 },
  { version: 8, stores: V8_STORES, upgrade: upgradeToV8 },
  { version: 9, stores: V9_STORES, upgrade: upgradeToV9 },
  { version: 10, stores: V10_STORES, upgrade: upgradeToV10 },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
