import { useEffect, useState } from 'react';
import { ledger } from '../../common/ledger';
import type { LedgerRow } from '../../history/db/ledger-types';
import { splitVeiledRecords } from '../../common/room/blind-veil';
import { useVeil } from '../../common/room/use-veil';
import { RepriceDialog } from './RepriceDialog';

interface Source {
  conversationId?: string;
  generationIds?: readonly string[];
  rows?: readonly LedgerRow[];
}

async function rowsOf({ conversationId, generationIds, rows }: Source): Promise<readonly LedgerRow[]> {
  if (rows) return rows;
  if (generationIds) return (await Promise.all(generationIds.map((id) => ledger().get(id)))).filter((r): r is LedgerRow => r !== undefined);
  return ledger().list({ conversationId: conversationId! });
}

/** "What would this have cost?" for the requests of one conversation, some generations (an answer, a turn) or given
 * rows. Requests of blind turns not voted on yet are left out: pricing them would name their models. While open,
 * requests recorded since (an answer that just finished) join the table. */
export function RepriceButton({ conversationId, generationIds, rows, what, label = 'What would this have cost?' }: Source & { what: string; label?: string }) {
  const veil = useVeil();
  const [open, setOpen] = useState<readonly LedgerRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const isOpen = open !== null;
  const idsKey = generationIds?.join(',');

  useEffect(() => {
    if (!isOpen || rows) return;
    let live = true;
    const refresh = () =>
      rowsOf({ conversationId, generationIds: idsKey?.split(',') }).then(
        (all) => live && setOpen(splitVeiledRecords(veil, all).shown),
        () => {}, // the table keeps what it has; opening again says why
      );
    const off = ledger().onChange(refresh);
    // a request recorded between the first read and this subscription would otherwise never join
    void refresh();
    return () => {
      live = false;
      off();
    };
  }, [isOpen, rows, conversationId, idsKey, veil]);

  const show = async () => {
    setProblem(null);
    try {
      setOpen(splitVeiledRecords(veil, await rowsOf({ conversationId, generationIds, rows })).shown);
    } catch (err) {
      setProblem(`Could not read the requests: ${(err as Error).message}`);
    }
  };
  return (
    <>
      <button type="button" className="small" title={`What would ${what} have cost on other models?`} onClick={() => void show()}>
        {label}
      </button>
      {problem ? <span className="error" role="alert">{problem}</span> : null}
      {open ? <RepriceDialog rows={open} what={what} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
