import { useState } from 'react';
import { ledger } from '../ledger';
import type { LedgerRow } from '../ledger/types';
import { splitVeiledRecords } from '../../chat/state/blind-veil';
import { useVeil } from '../../chat/state/use-veil';
import { RepriceDialog } from './RepriceDialog';

/** "What would this have cost?" for the requests of one conversation, some generations (an answer, a turn) or given
 * rows. Requests of blind turns not voted on yet are left out: pricing them would name their models. */
export function RepriceButton({ conversationId, generationIds, rows, what, label = 'What would this have cost?' }: {
  conversationId?: string;
  generationIds?: readonly string[];
  rows?: readonly LedgerRow[];
  what: string;
  label?: string;
}) {
  const veil = useVeil();
  const [open, setOpen] = useState<readonly LedgerRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const show = async () => {
    setProblem(null);
    try {
      const all =
        rows ??
        (generationIds
          ? (await Promise.all(generationIds.map((id) => ledger().get(id)))).filter((r): r is LedgerRow => r !== undefined)
          : await ledger().list({ conversationId: conversationId! }));
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
