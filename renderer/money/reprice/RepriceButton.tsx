import { useState } from 'react';
import { ledger } from '../../common/ledger';
import type { LedgerRow } from '../../history/db/ledger-types';
import { splitVeiledRecords } from '../../common/room/blind-veil';
import { useVeil } from '../../common/room/use-veil';
import { RepriceDialog } from './RepriceDialog';

/** "What would this have cost?" for the requests of one conversation (or given rows). Requests of blind turns not
 * voted on yet are left out: pricing them would name their models. */
export function RepriceButton({ conversationId, rows, what, label = 'What would this have cost?' }: { conversationId?: string; rows?: readonly LedgerRow[]; what: string; label?: string }) {
  const veil = useVeil();
  const [open, setOpen] = useState<readonly LedgerRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const show = async () => {
    setProblem(null);
    try {
      const all = rows ?? (await ledger().list({ conversationId: conversationId! }));
      setOpen(splitVeiledRecords(veil, all).shown);
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
