// What each app key's requests in flight may still cost: their worst cases, held from the moment a request is
// admitted until it ends and its real cost is in the key's spend (docs/openrouter-api.md §12.2). Kept in memory
// only: a request cut short by a crash is in the ledger as interrupted, and nothing is in flight after a restart.

export interface AppKeyReservations {
  /** Micro-dollars held for `keyId`'s requests in flight. */
  reserved(keyId: string): number;
  /** Holds `micros` for `keyId`; the returned function releases it (once, however often it is called). */
  hold(keyId: string, micros: number): () => void;
}

export function createAppKeyReservations(): AppKeyReservations {
  const held = new Map<string, number>();
  return {
    reserved: (keyId) => held.get(keyId) ?? 0,
    hold(keyId, micros) {
      held.set(keyId, (held.get(keyId) ?? 0) + micros);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (held.get(keyId) ?? 0) - micros;
        if (left > 0) held.set(keyId, left);
        else held.delete(keyId);
      };
    },
  };
}
