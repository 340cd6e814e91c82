import { readFileSync, renameSync, existsSync } from 'node:fs';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { join } from 'node:path';
import { appSettingsSchema, type AppSettings } from '../../shared/contract/routes';

/** Main-process settings (nothing secret). A corrupt file falls back to defaults and is kept aside, not erased. */
export function createSettingsStore(dataDir: string) {
  const file = join(dataDir, 'settings.json');
  let current: AppSettings = load();

  function load(): AppSettings {
    if (!existsSync(file)) return appSettingsSchema.parse({});
    try {
      return appSettingsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch (err) {
      const aside = `${file}.corrupt-${Date.now()}`;
      renameSync(file, aside);
      console.warn(`settings.json was unreadable (${(err as Error).name}); kept it as ${aside} and used defaults`);
      return appSettingsSchema.parse({});
    }
  }

  return {
    get: () => current,
    /** Writes first; the settings in memory change only once they are on disk (a full disk throws and changes
     * nothing). */
    update(patch: Partial<AppSettings>): AppSettings {
      const next = appSettingsSchema.parse({ ...current, ...patch });
      writeFileAtomic(file, JSON.stringify(next, null, 2));
      current = next;
      return current;
    },
  };
}
