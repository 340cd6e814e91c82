import type { UpstreamConfig } from '../types';

// How a configured upstream is named in routing preferences (`provider.order/only/ignore`) and which model
// authors it serves directly.

export const slugify = (s: string): string =>
  s.toLowerCase().trim().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/** Authors whose models only ever run locally: OpenRouter is never a candidate for `ollama/…`. */
const LOCAL_AUTHORS = new Set(['ollama', 'lmstudio', 'lm-studio', 'local']);

export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
  } catch {
    return false;
  }
}

function isOpenAiHost(url: string): boolean {
  try {
    return new URL(url).hostname === 'api.openai.com';
  } catch {
    return false;
  }
}

/** The provider slug of an upstream: `openrouter`, `anthropic`, `google`, `openai`, or its slugified label. */
export function providerSlugOf(u: UpstreamConfig): string {
  switch (u.kind) {
    case 'openrouter': return 'openrouter';
    case 'anthropic': return 'anthropic';
    case 'gemini': return 'google';
    case 'openai-compatible':
      if (isOpenAiHost(u.baseUrl) || slugify(u.label) === 'openai') return 'openai';
      return slugify(u.label) || slugify(u.id.replace(/^[a-z-]+:/, ''));
  }
}

/** Every name that selects this upstream in `provider.order/only/ignore`. */
export function upstreamNames(u: UpstreamConfig): Set<string> {
  const names = new Set([providerSlugOf(u), slugify(u.label), u.id.toLowerCase()]);
  const tail = u.id.includes(':') ? u.id.slice(u.id.indexOf(':') + 1) : '';
  if (tail) names.add(slugify(tail));
  if (u.kind === 'gemini') names.add('google-ai-studio');
  names.delete('');
  return names;
}

/** True for a non-OpenRouter upstream that is not one of the big direct providers (local servers, custom). */
export function isCustomUpstream(u: UpstreamConfig): boolean {
  return u.kind === 'openai-compatible' && providerSlugOf(u) !== 'openai';
}

/** Names that refer to something only Parley knows about (local/custom upstreams): never forwarded to OpenRouter. */
export function localOnlyNames(upstreams: readonly UpstreamConfig[]): Set<string> {
  const names = new Set(LOCAL_AUTHORS);
  for (const u of upstreams) if (isCustomUpstream(u)) for (const n of upstreamNames(u)) names.add(n);
  return names;
}

/** A model server on this machine (Ollama, LM Studio, …): inference there costs nothing. */
export function isLocalServer(u: UpstreamConfig): boolean {
  return isCustomUpstream(u) && isLoopbackUrl(u.baseUrl);
}

export function isLocalAuthor(author: string, upstreams: readonly UpstreamConfig[]): boolean {
  return localOnlyNames(upstreams).has(author.toLowerCase());
}
