/** Which URLs in model output may become a link: web and mail only. javascript:, data:, file:, vbscript: and
 * custom schemes that launch local programs are dropped. */
export function safeHref(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const url = raw.trim();
  if (url.startsWith('#')) return null; // in-page anchors go nowhere useful in a chat
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:' && parsed.protocol !== 'mailto:') return null;
  if (parsed.username || parsed.password) return null;
  return parsed.href;
}
