import { redactSecrets, truncate } from '../errors';

// What an upstream said when it refused a request, reduced to one short, key-free sentence.

const MAX_ERROR_BODY = 64 * 1024;

async function readLimited(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < MAX_ERROR_BODY) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  return text;
}

function messageFrom(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as unknown;
    const pick = (v: unknown): string | undefined => {
      if (typeof v === 'string') return v;
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        return pick(o.message) ?? pick(o.error) ?? pick(o.detail);
      }
      return undefined;
    };
    return pick(Array.isArray(json) ? json[0] : json);
  } catch {
    return body.trim() || undefined;
  }
}

export async function upstreamErrorMessage(res: Response, secrets: readonly (string | undefined)[]): Promise<string> {
  const body = await readLimited(res);
  const raw = messageFrom(body) ?? res.statusText ?? '';
  return truncate(redactSecrets(raw.replace(/\s+/g, ' ').trim(), secrets));
}
