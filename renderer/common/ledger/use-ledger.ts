import { useEffect, useState } from 'react';
import { ledger } from './index';
import type { LedgerQuery, LedgerRow } from '../../history/db/ledger-types';

/** Ledger rows in a range, re-read after every ledger write. */
export function useLedgerRows(query: LedgerQuery = {}): { rows: LedgerRow[]; loaded: boolean; error: string | null } {
  const [state, setState] = useState<{ rows: LedgerRow[]; loaded: boolean; error: string | null }>({ rows: [], loaded: false, error: null });
  const from = query.from;
  const to = query.to;
  useEffect(() => {
    let live = true;
    let token = 0;
    const load = () => {
      const mine = ++token;
      ledger()
        .list({ ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) })
        .then(
          (rows) => live && mine === token && setState({ rows, loaded: true, error: null }),
          (err: Error) => live && mine === token && setState((s) => ({ ...s, loaded: true, error: err.message })),
        );
    };
    load();
    const off = ledger().onChange(load);
    return () => {
      live = false;
      off();
    };
  }, [from, to]);
  return state;
}

/** A ledger setting, re-read after every ledger write; `undefined` until loaded or when never set. */
export function useLedgerSetting<T>(key: string): { value: T | undefined; loaded: boolean; save(value: T): Promise<void> } {
  const [state, setState] = useState<{ value: T | undefined; loaded: boolean }>({ value: undefined, loaded: false });
  useEffect(() => {
    let live = true;
    const load = () => {
      ledger()
        .getSetting<T>(key)
        .then(
          (value) => live && setState({ value, loaded: true }),
          (err: Error) => {
            console.error(`could not read the ${key} setting:`, err.message);
            if (live) setState((s) => ({ ...s, loaded: true }));
          },
        );
    };
    load();
    const off = ledger().onChange(load);
    return () => {
      live = false;
      off();
    };
  }, [key]);
  return { ...state, save: (value: T) => ledger().putSetting(key, value) };
}
