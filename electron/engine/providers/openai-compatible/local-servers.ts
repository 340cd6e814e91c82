import type { UpstreamConfig } from '../../types';

// Model servers that run on this machine and speak the OpenAI wire under /v1, keyless.

export const LOCAL_SERVERS = {
  ollama: { id: 'local:ollama', label: 'Ollama', port: 11434 },
  lmStudio: { id: 'local:lm-studio', label: 'LM Studio', port: 1234 },
} as const;

/** Ollama lists its models at /api/tags, not /v1/models. */
export function isOllama(u: UpstreamConfig): boolean {
  return u.id === LOCAL_SERVERS.ollama.id || /^ollama$/i.test(u.label.trim());
}

/** Ollama lists `llama3:latest`; `llama3` names the same model. */
export function ollamaModelNames(tags: unknown): string[] {
  const models = (tags as { models?: { name?: unknown; model?: unknown }[] })?.models ?? [];
  const names = new Set<string>();
  for (const m of models) {
    const name = typeof m.name === 'string' ? m.name : typeof m.model === 'string' ? m.model : undefined;
    if (!name) continue;
    names.add(name);
    if (name.endsWith(':latest')) names.add(name.slice(0, -':latest'.length));
  }
  return [...names];
}
