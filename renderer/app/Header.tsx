import { useEffect, useState } from 'react';
import { onConnectionStatus } from '../bridge';
import type { ConnectionStatus } from '../bridge/ws-bridge';
import { AccountBadge } from '../money/account/AccountBadge';
import { SafeBoundary } from './SafeBoundary';

const LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  open: 'Connected',
  closed: 'Reconnecting…',
  refused: 'Access refused — reopen the link printed by Parley',
  restarted: 'Parley was restarted: reopen the link printed in the terminal',
};

export function Header() {
  const [status, setStatus] = useState<ConnectionStatus>('open');
  useEffect(() => onConnectionStatus(setStatus), []);
  return (
    <header className="header">
      <span className="header-title">Parley</span>
      <span className={`conn conn-${status}`} role="status" aria-label="Connection">
        {status === 'open' ? '' : LABELS[status]}
      </span>
      <SafeBoundary name="OpenRouter balance">
        <AccountBadge />
      </SafeBoundary>
    </header>
  );
}
