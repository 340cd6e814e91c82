const STORAGE_KEY = 'parley.hostToken';

/** The host prints a URL with #token=…; the page keeps the token for this tab (so reloads work) and removes it
 * from the address bar so it is not shared by accident. */
export function takeHostToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(loc.hash);
  if (match) {
    const token = decodeURIComponent(match[1]!);
    storage.setItem(STORAGE_KEY, token);
    window.history.replaceState(null, '', loc.pathname + loc.search);
    return token;
  }
  return storage.getItem(STORAGE_KEY);
}
