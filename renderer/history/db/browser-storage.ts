// Browser storage durability and room.

/**
 * Asks the browser to keep Parley's storage under pressure (navigator.storage.persist). Returns whether storage
 * is persistent; false where the API is missing.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return false;
  try {
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

export interface StorageEstimateInfo {
  usageBytes: number | null;
  quotaBytes: number | null;
  /** quota − usage, when both are known */
  freeBytes: number | null;
  persisted: boolean | null;
}

export async function storageEstimate(): Promise<StorageEstimateInfo> {
  const storage = globalThis.navigator?.storage;
  let usageBytes: number | null = null;
  let quotaBytes: number | null = null;
  let persisted: boolean | null = null;
  try {
    if (storage?.estimate) {
      const e = await storage.estimate();
      usageBytes = e.usage ?? null;
      quotaBytes = e.quota ?? null;
    }
    if (storage?.persisted) persisted = await storage.persisted();
  } catch {
    // unknown stays null
  }
  return { usageBytes, quotaBytes, freeBytes: usageBytes !== null && quotaBytes !== null ? quotaBytes - usageBytes : null, persisted };
}
