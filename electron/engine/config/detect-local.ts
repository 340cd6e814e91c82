import { modelIdsFromData } from '../providers/provider-module';
import { LOCAL_SERVERS, ollamaModelNames } from '../providers/openai-compatible/local-servers';
import type { UpstreamConfig } from '../types';

// Finds model servers running on this machine: Ollama (GET /api/tags) and LM Studio (GET /v1/models). Both are
// OpenAI-compatible under /v1, keyless, and keep data local.

export interface DetectOptions {
  fetch?: typeof fetch;
  host?: string; // default 127.0.0.1
  ollamaPort?: number;
  lmStudioPort?: number;
  timeoutMs?: number; // per probe, default 400
}

async function getJson(f: typeof fetch, url: string, timeoutMs: number): Promise<unknown> {
  const res = await f(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

export async function detectLocalServers(opts: DetectOptions = {}): Promise<UpstreamConfig[]> {
  const f = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const host = opts.host ?? '127.0.0.1';
  const timeoutMs = opts.timeoutMs ?? 400;
  const ollama = `http://${host}:${opts.ollamaPort ?? LOCAL_SERVERS.ollama.port}`;
  const lmStudio = `http://${host}:${opts.lmStudioPort ?? LOCAL_SERVERS.lmStudio.port}`;
  const local = (id: string, label: string, baseUrl: string, models: string[]): UpstreamConfig => ({
    id, kind: 'openai-compatible', label, baseUrl, isByok: true, models, dataCollection: 'deny', supportsWebSearch: false,
  });

  const [o, l] = await Promise.allSettled([
    getJson(f, `${ollama}/api/tags`, timeoutMs).then((j) => local(LOCAL_SERVERS.ollama.id, LOCAL_SERVERS.ollama.label, `${ollama}/v1`, ollamaModelNames(j))),
    getJson(f, `${lmStudio}/v1/models`, timeoutMs).then((j) => local(LOCAL_SERVERS.lmStudio.id, LOCAL_SERVERS.lmStudio.label, `${lmStudio}/v1`, modelIdsFromData(j))),
  ]);
  return [o, l].flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}
