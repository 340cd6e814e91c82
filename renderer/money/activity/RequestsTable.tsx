import { useState } from 'react';
import type { LedgerRow } from '../../history/db/ledger-types';
import { formatMoment } from '../../../shared/format/dates';
import { ModelId } from '../ModelId';
import { keyOf, modelOf, providerOf } from './aggregate';
import { costText, fmtInt, loopStepText, mismatchText, SOURCE_LABEL } from './activity-text';
import { isTitleLink } from '../../common/title-streams';

const PAGE = 200;

/** One line per request, newest first; a line links to the answer it produced when Parley knows it. */
export function RequestsTable({ rows, keyLabel, onOpenMessage }: {
  rows: LedgerRow[];
  keyLabel: (id: string) => string;
  onOpenMessage: (conversationId: string, messageId: string) => void;
}) {
  const [shown, setShown] = useState(PAGE);
  const newest = [...rows].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <>
      <table className="activity-table" aria-label="Requests">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Model</th>
            <th scope="col">Provider</th>
            <th scope="col">Key</th>
            <th scope="col">Source</th>
            <th scope="col">Tokens in / out</th>
            <th scope="col">Cost</th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {newest.slice(0, shown).map((r) => {
            const mismatch = mismatchText(r);
            return (
              <tr key={r.id} className={mismatch ? 'mismatch' : undefined} data-generation-id={r.id}>
                <td className="figure">{formatMoment(r.createdAt)}</td>
                <td><ModelId id={modelOf(r)} /></td>
                <td>{providerOf(r)}</td>
                <td>{keyLabel(keyOf(r))}</td>
                <td>{SOURCE_LABEL[r.source] ?? r.source}</td>
                <td>{r.tokens ? `${fmtInt(r.tokens.prompt)} / ${fmtInt(r.tokens.completion)}${r.tokens.estimated ? ' ≈' : ''}` : '—'}</td>
                <td>
                  <span className="request-cost">{costText(r)}</span>
                  {mismatch ? <span className="flag" role="note" aria-label={mismatch}> ⚠ {mismatch}</span> : null}
                  {r.error ? <span className="muted"> · error {r.error.code}</span> : null}
                </td>
                <td>
                  {isTitleLink(r.messageId) ? (
                    <span>title</span>
                  ) : r.conversationId && r.messageId ? (
                    <button type="button" className="link" aria-label={`Open the answer from ${modelOf(r)} at ${formatMoment(r.createdAt)}`} onClick={() => onOpenMessage(r.conversationId!, r.messageId!)}>
                      Open
                    </button>
                  ) : (
                    <span className="muted">{r.source === 'local-api' ? 'other app' : '—'}</span>
                  )}
                  {r.loopStep ? <span className="muted"> · {loopStepText(r.loopStep)}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {newest.length > shown ? (
        <button type="button" className="small" onClick={() => setShown((n) => n + PAGE)}>
          Show {fmtInt(Math.min(PAGE, newest.length - shown))} more of {fmtInt(newest.length - shown)}
        </button>
      ) : null}
    </>
  );
}
