import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/contract/routes';
import { declineRestoreOffer, findRestoreOffer, restoreBackups } from './restore-offer';

type State = { kind: 'hidden' } | { kind: 'offer'; backups: BackupInfo[] } | { kind: 'busy' } | { kind: 'done'; text: string };

/** Shown once on a page that opens with no conversations while the data directory holds backups. */
export function RestoreOfferBanner() {
  const [state, setState] = useState<State>({ kind: 'hidden' });
  useEffect(() => {
    let live = true;
    void findRestoreOffer()
      .then((backups) => live && backups && setState({ kind: 'offer', backups }))
      .catch(() => {}); // no offer is the safe default
    return () => {
      live = false;
    };
  }, []);

  if (state.kind === 'hidden') return null;
  if (state.kind === 'done') {
    return (
      <div className="banner restore-offer" role="status">
        {state.text}{' '}
        <button type="button" onClick={() => setState({ kind: 'hidden' })}>
          Close
        </button>
      </div>
    );
  }
  if (state.kind === 'busy') return <div className="banner restore-offer" role="status">Restoring your conversations…</div>;

  const { backups } = state;
  const restore = async () => {
    setState({ kind: 'busy' });
    try {
      const r = await restoreBackups(backups);
      setState({ kind: 'done', text: `Restored ${r.conversations} conversation${r.conversations === 1 ? '' : 's'} from ${r.backups} backup${r.backups === 1 ? '' : 's'}.` });
    } catch (err) {
      setState({ kind: 'done', text: `Could not restore: ${(err as Error).message}. Try again from Settings → Storage and backups.` });
    }
  };
  const decline = () => {
    setState({ kind: 'hidden' });
    void declineRestoreOffer();
  };
  return (
    <div className="banner restore-offer" role="region" aria-label="Restore from backups">
      This browser has no conversations yet, but Parley’s data folder holds {backups.length} daily backup{backups.length === 1 ? '' : 's'} (newest{' '}
      {backups[0]!.date}). Restore them?{' '}
      <button type="button" onClick={() => void restore()}>
        Restore conversations
      </button>{' '}
      <button type="button" onClick={decline}>
        Not now
      </button>
    </div>
  );
}
