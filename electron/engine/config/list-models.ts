import { redactSecrets, truncate } from '../errors';
import type { UpstreamConfig } from '../types';
import { LOCAL_SERVERS } from './defaults';
import { ollamaModelNames, openAiModelIds } from './detect-local';

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

function isOllama(u: UpstreamConfig): boolean {
  return u.id === LOCAL_SERVERS.ollama.id || /^ollama$/i.test(u.label.trim());
}

function request(u: UpstreamConfig): { url: string; headers: Record<string, string>; pick: (json: unknown) => string[] } {
  const base = u.baseUrl.replace(/\/+$/, '');
  const key = u.apiKey;
  switch (u.kind) {
    case 'anthropic':
      return {
        url: `${base}/v1/models?limit=1000`,
        headers: { 'anthropic-version': '2023-06-01', ...(key ? { 'x-api-key': key } : {}) },
        pick: openAiModelIds,
      };
    case 'gemini':
      return {
        url: `${base}/v1beta/models?pageSize=1000`,
        headers: key ? { 'x-goog-api-key': key } : {},
        pick: (json) => ((json as { models?: { name?: unknown }[] })?.models ?? [])
          .flatMap((m) => (typeof m.name === 'string' ? [m.name.replace(/^models\//, '')] : [])),
      };
    case 'openrouter':
    case 'openai-compatible':
      if (isOllama(u)) return { url: `${base.replace(/\/v1$/, '')}/api/tags`, headers: {}, pick: ollamaModelNames };
      return { url: `${base}/models`, headers: key ? { authorization: `Bearer ${key}` } : {}, pick: openAiModelIds };
  }
}

export async function listUpstreamModels(u: UpstreamConfig, opts: ListModelsOptions = {}): Promise<ListModelsResult> {
  const f = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const { url, headers, pick } = request(u);
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
    return { ok: true, models: pick(await res.json()) };
  } catch {
    return { ok: false, status: res.status, message: `${u.label} sent a model list Parley could not read.` };
  }
}
