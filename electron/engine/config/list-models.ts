import { redactSecrets, truncate } from '../errors';
import { createScrubber } from '../providers/common/scrub';
import { providerFor } from '../providers/registry';
import type { UpstreamConfig } from '../types';

// "Test this key": list the models an upstream offers with the configured key. Results name the upstream and
// the address asked (without credentials or query string, where a key could sit) and never carry the key.

export type ListModelsResult =
  | { ok: true; models: string[]; url: string; status: number }
  | { ok: false; status: number | null; message: string; url: string };

/** An address fit to show: scheme, host, port and path only (no user:password@, no ?query, no #fragment). */
export function shownUrl(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(an invalid address)';
  }
}

export interface ListModelsOptions {
  fetch?: typeof fetch;
  timeoutMs?: number; // default 10 s
  signal?: AbortSignal;
}

export async function listUpstreamModels(u: UpstreamConfig, opts: ListModelsOptions = {}): Promise<ListModelsResult> {
  const f = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const { url, headers, pick } = providerFor(u.kind).listModels(u);
  const shown = shownUrl(url);
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? 10_000);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await f(url, { headers: { accept: 'application/json', ...headers }, signal });
  } catch (err) {
    const timedOut = timeout.aborted;
    type Coded = { code?: string; message?: string; cause?: Coded; errors?: Coded[] };
    const e = err as Coded | undefined;
    const why = e?.cause?.code ?? e?.cause?.errors?.[0]?.code ?? e?.code ?? e?.cause?.message;
    const detail = why ? truncate(redactSecrets(why, [u.apiKey]), 80) : undefined;
    const message = timedOut
      ? `${u.label} did not answer within ${Math.round((opts.timeoutMs ?? 10_000) / 1000)} s at ${shown}.`
      : `Could not reach ${u.label} at ${shown}${detail ? ` (${detail})` : ''}.`;
    return { ok: false, status: null, message, url: shown };
  }
  if (res.status === 401 || res.status === 403) {
    await res.body?.cancel().catch(() => {});
    return { ok: false, status: res.status, message: `${u.label} rejected the API key: HTTP ${res.status} from ${shown}.`, url: shown };
  }
  if (!res.ok) {
    const body = truncate(redactSecrets((await res.text().catch(() => '')).replace(/\s+/g, ' '), [u.apiKey]), 200);
    return { ok: false, status: res.status, message: `${u.label} answered HTTP ${res.status} from ${shown}${body ? `: ${body}` : ''}.`, url: shown };
  }
  try {
    // A model id that carries the key (an upstream reflecting it) is not listed: ids are shown and cached on disk.
    const scrub = createScrubber([u.apiKey]);
    return { ok: true, models: pick(await res.json()).filter((id) => scrub.id(id) !== undefined), url: shown, status: res.status };
  } catch {
    return { ok: false, status: res.status, message: `${u.label} sent a model list Parley could not read (HTTP ${res.status} from ${shown}).`, url: shown };
  }
}
