import { useCallback, useEffect, useRef, useState } from 'react';
import { bridge } from '../../bridge';
import { requestPersistentStorage, storageEstimate, type StorageEstimateInfo } from '../db';
import { importJson } from '../transfer/formats/import-json';
import type { BackupInfo } from '../../../shared/contract/routes';
import { formatBytes } from '../../common/format-bytes';
import { runBackup } from './backup-scheduler';
import { restoreBackups } from './restore-offer';
import { ImageStorageLine } from './ImageStorageLine';

/** Settings → Storage and backups: how much room IndexedDB uses, whether the browser may evict it, and the rolling
 * backups main keeps in the data directory, restorable here. */
const loadState = () => Promise.all([storageEstimate(), bridge().invoke('backups.list', {}).catch((): BackupInfo[] => [])]);

export function StorageSection() {
  const [estimate, setEstimate] = useState<StorageEstimateInfo | null>(null);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // False once the section is closed: what it was loading or doing then must not touch its state (React would
  // still schedule the update, and by then the page, or a test's window, may be gone).
  const mounted = useRef(false);
  const reload = useCallback(async () => {
    const [e, b] = await loadState();
    if (!mounted.current) return;
    setEstimate(e);
    setBackups(b);
  }, []);
  useEffect(() => {
    mounted.current = true;
    void reload();
    return () => {
      mounted.current = false;
    };
  }, [reload]);

  async function act(what: () => Promise<string>) {
    setBusy(true);
    setMessage(null);
    let outcome: string;
    try {
      outcome = await what();
    } catch (err) {
      outcome = (err as Error).message;
    }
    // the figures and the list first, so that by the time the outcome shows, nothing about it is still on its way
    await reload();
    if (!mounted.current) return;
    setMessage(outcome);
    setBusy(false);
  }

  const backupNow = () =>
    act(async () => {
      const r = await runBackup();
      return r.written ? `Backed up ${r.conversations} changed conversation${r.conversations === 1 ? '' : 's'} to ${r.name}` : `No backup needed: ${r.reason}`;
    });

  const restore = (names: string[]) =>
    act(async () => {
      let conversations = 0;
      let skipped = 0;
      for (const name of names) {
        const { json } = await bridge().invoke('backups.read', { name });
        const report = await importJson(json);
        conversations += report.conversationIds.length;
        skipped += report.skippedConversationIds.length;
      }
      return `Restored ${conversations} conversation${conversations === 1 ? '' : 's'}${skipped ? `; ${skipped} already here were left as they are` : ''}`;
    });

  const used = estimate?.usageBytes ?? null;
  const quota = estimate?.quotaBytes ?? null;
  return (
    <section aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage and backups</h2>
      <p aria-label="Storage use">
        Conversations use {formatBytes(used)} of {formatBytes(quota)} available
        {used !== null && quota ? ` (${((used / quota) * 100).toFixed(1)} %)` : ''}.{' '}
        {estimate?.persisted ? 'Storage is persistent: the system will not clear it to make room.' : 'Storage is not yet marked persistent.'}
      </p>
      <ImageStorageLine />
      {!estimate?.persisted && (
        <button type="button" disabled={busy} onClick={() => void act(async () => ((await requestPersistentStorage()) ? 'Storage is now persistent' : 'The system declined to make storage persistent'))}>
          Keep my data persistent
        </button>
      )}
      <p className="muted">
        Parley backs up changed conversations once a day to the data folder and keeps the last 14 days.
      </p>
      <button type="button" disabled={busy} onClick={() => void backupNow()}>
        Back up now
      </button>{' '}
      {backups && backups.length > 1 && (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              // newest first, so the newest copy of a conversation kept in several daily backups is the one restored
              const r = await restoreBackups(backups);
              return `Restored ${r.conversations} conversation${r.conversations === 1 ? '' : 's'} from ${r.backups} backups`;
            })
          }
        >
          Restore from every backup
        </button>
      )}
      <ul className="backup-list" aria-label="Backups">
        {backups?.length === 0 && <li className="empty-state">No backups yet.</li>}
        {backups?.map((b) => (
          <li key={b.name}>
            {b.date} · {formatBytes(b.sizeBytes)}{' '}
            <button type="button" disabled={busy} aria-label={`Restore backup of ${b.date}`} onClick={() => void restore([b.name])}>
              Restore
            </button>
          </li>
        ))}
      </ul>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
