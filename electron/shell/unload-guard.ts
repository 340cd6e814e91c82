import type { MessageBoxSyncOptions } from 'electron';

/** Asked when the page's beforeunload guard (work not saved yet) objects to closing the window. In Electron that
 * objection cancels the close silently, so main asks the user instead. */
export const QUIT_ANYWAY_DIALOG: MessageBoxSyncOptions = {
  type: 'warning',
  title: 'Parley',
  message: 'Quit anyway?',
  detail: 'Some of your changes are not saved yet. If you quit now, they will be lost.',
  buttons: ['Quit anyway', 'Keep Parley open'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
};

/** true when the user chose to let the page unload (lose the unsaved changes). */
export function confirmUnload(ask: (options: MessageBoxSyncOptions) => number): boolean {
  return ask(QUIT_ANYWAY_DIALOG) === 0;
}
