/** Only web links leave the app, and only to the OS browser. Everything else (file:, javascript:, custom schemes
 * that could launch local programs) is refused. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
}
