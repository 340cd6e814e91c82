import { join } from 'node:path';

/** Where Parley keeps its files when PARLEY_HOME is not set: the same folder Electron's app.getPath('userData')
 * gives for productName "Parley", so the Electron app and the host share one layout. */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (env.PARLEY_HOME) return env.PARLEY_HOME;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Parley');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Parley');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Parley');
}
