import { bridge } from '../../bridge';
import { safeHref } from './safe-url';

/** Links from model output open in the OS browser, never inside Parley. In host mode (a plain browser tab) main
 * cannot open them, so the page does, without giving the new tab a handle back to Parley. */
export async function openExternalLink(raw: string): Promise<void> {
  const url = safeHref(raw);
  if (!url) return;
  let opened: boolean;
  try {
    opened = (await bridge().invoke('links.open', { url })).opened;
  } catch {
    opened = false;
  }
  if (!opened && bridge().transport === 'host') window.open(url, '_blank', 'noopener,noreferrer');
}
