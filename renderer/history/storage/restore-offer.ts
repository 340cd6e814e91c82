import { bridge } from '../../bridge';
import { getParleyDb, getSetting, setSetting } from '../db';
import { importJson } from '../transfer/formats/import-json';
import { refreshConversations } from '../../common/room/room-store';
import type { BackupInfo } from '../../../shared/contract/routes';

// A store that opens empty while main's data directory holds backups: a new browser profile, a different address
// (the host's port changed), or a cleared site. The page offers to bring the conversations back.

const DISMISSED_KEY = 'restore-offer.dismissed';

/** The backups to offer (newest first), or null when there is nothing to offer: the store already holds
 * conversations (or ever did and they were deleted), the offer was declined here, or there are no backups. */
export async function findRestoreOffer(): Promise<BackupInfo[] | null> {
  if ((await getParleyDb().conversations.count()) > 0) return null;
  if (await getSetting<boolean>(DISMISSED_KEY)) return null;
  const backups = await bridge().invoke('backups.list', {});
  return backups.length > 0 ? backups : null;
}

export async function declineRestoreOffer(): Promise<void> {
  await setSetting(DISMISSED_KEY, true);
}

/** Imports the backups newest first, so the newest copy of a conversation kept in several daily backups wins (an
 * older copy of a conversation already restored is skipped). */
export async function restoreBackups(backups: BackupInfo[]): Promise<{ conversations: number; backups: number }> {
  let conversations = 0;
  const newestFirst = [...backups].sort((a, b) => (a.name < b.name ? 1 : -1));
  for (const b of newestFirst) {
    const { json } = await bridge().invoke('backups.read', { name: b.name });
    conversations += (await importJson(json)).conversationIds.length;
  }
  await refreshConversations(); // the sidebar lists them at once
  return { conversations, backups: newestFirst.length };
}
