import { useRef, useState } from 'react';
import { ImportError } from '../formats/guard';
import { importJson } from '../formats/import-json';
import { refreshConversations } from '../../../common/room/room-store';
import { downloadAllJson } from './exports';
import { describeImport } from './import-report';

type Outcome =
  | { kind: 'busy'; what: string }
  | { kind: 'ok'; text: string; warnings: string[] }
  | { kind: 'error'; text: string; details: string[] };

/** Settings → "Export and import": all conversations to one JSON file, and importing such files back. */
export function TransferSection() {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const busy = outcome?.kind === 'busy';

  const onExportAll = () => {
    setOutcome({ kind: 'busy', what: 'Exporting…' });
    downloadAllJson().then(
      () => setOutcome(null),
      (err: unknown) => setOutcome({ kind: 'error', text: `Export failed: ${err instanceof Error ? err.message : 'unknown error'}`, details: [] }),
    );
  };

  const onFile = async (f: File | undefined) => {
    if (!f) return;
    setOutcome({ kind: 'busy', what: `Importing ${f.name}…` });
    try {
      const report = await importJson(f);
      setOutcome({ kind: 'ok', text: describeImport(report), warnings: report.warnings });
      await refreshConversations();
    } catch (err) {
      if (err instanceof ImportError) setOutcome({ kind: 'error', text: err.message, details: err.details });
      else setOutcome({ kind: 'error', text: `Import failed: ${err instanceof Error ? err.message : 'unknown error'}. Nothing was imported.`, details: [] });
    } finally {
      if (file.current) file.current.value = ''; // choosing the same file again still fires change
    }
  };

  return (
    <section aria-labelledby="transfer-heading" className="transfer">
      <h2 id="transfer-heading">Export and import</h2>
      <p className="muted">
        Exports hold every conversation with all branches, costs and attachments — never API keys. Import accepts Parley
        exports and OpenRouter Chatroom chat exports (.json); conversations already here are skipped, and a file that
        can’t be read is refused without changing anything.
      </p>
      <div className="transfer-actions">
        <button type="button" onClick={onExportAll} disabled={busy}>
          Export all conversations (JSON)
        </button>
        <label className="transfer-import">
          Import conversations{' '}
          <input ref={file} type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void onFile(e.target.files?.[0])} />
        </label>
      </div>
      {outcome?.kind === 'busy' ? <p role="status">{outcome.what}</p> : null}
      {outcome?.kind === 'ok' ? (
        <div role="status" className="transfer-report">
          <p>{outcome.text}</p>
          {outcome.warnings.length ? (
            <ul>
              {outcome.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {outcome?.kind === 'error' ? (
        <div role="alert" className="transfer-error">
          <p>{outcome.text}</p>
          {outcome.details.length ? (
            <ul>
              {outcome.details.slice(0, 8).map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
