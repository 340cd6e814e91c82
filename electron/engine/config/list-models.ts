import { redactSecrets, truncate } from '../errors';
import { createScrubber } from '../providers/common/scrub';
import { providerFor } from '../providers/registry';
import type { UpstreamConfig } from '../types';

// "Test this key": list the models an upstream offers with the configured key. Errors name the upstream and
// never carry the key.

export type ListModelsResult =
  | { ok: true; models: string[] }
  | { ok: false; status: number | null; message: string };

export interface ListModelsOptions {
  fetch?: typeof fetch;
  timeoutMs?: number; // default 10 s
  signal?: AbortSignal;
}

export async function listUpstreamModels(u: UpstreamConfig, opts: ListModelsOptions = {}): Promise<ListModelsResult> {
  const f = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const { url, headers, pick } = providerFor(u.kind).listModels(u);
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? 10_000);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await f(url, { headers: { accept: 'application/json', ...headers }, signal });
  } catch (err) {
    const timedOut = timeout.aborted;
    const detail = (err as { cause?: { code?: string } })?.cause?.code;
    return { ok: false, status: null, message: timedOut ? `${u.label} did not answer within ${Math.round((opts.timeoutMs ?? 10_000) / 1000)} s.` : `Could not reach ${u.label}${detail ? ` (${detail})` : ''}.` };
  }
  if (res.status === 401 || res.status === 403) {
    await res.body?.cancel().catch(() => {});
    return { ok: false, status: res.status, message: `${u.label} rejected the API key (HTTP ${res.status}).` };
  }
  if (!res.ok) {
    const body = truncate(redactSecrets((await res.text().catch(() => '')).replace(/\s+/g, ' '), [u.apiKey]), 200);
    return { ok: false, status: res.status, message: `${u.label} answered HTTP ${res.status}${body ? `: ${body}` : ''}.` };
  }
  try {
    // A model id that carries the key (an upstream reflecting it) is not listed: ids are shown and cached on disk.
    const scrub = createScrubber([u.apiKey]);
    return { ok: true, models: pick(await res.json()).filter((id) => scrub.id(id) !== undefined) };
  } catch {
    return { ok: false, status: res.status, message: `${u.label} sent a model list Parley could not read.` };
  }
}
