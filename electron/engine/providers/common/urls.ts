// What a base URL says about the server behind it.

// Routing asks about the same few base URLs for every request: parse each once.
const hosts = new Map<string, string | undefined>();

function hostOf(url: string): string | undefined {
  if (hosts.has(url)) return hosts.get(url);
  let host: string | undefined;
  try {
    host = new URL(url).hostname;
  } catch {
    host = undefined;
  }
  if (hosts.size >= 256) hosts.clear();
  hosts.set(url, host);
  return host;
}

/** A server on this machine: its data stays here and its inference costs nothing. */
export function isLoopbackUrl(url: string): boolean {
  const host = hostOf(url);
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
}

/** OpenAI itself (not merely its wire format). */
export function isOpenAiUrl(url: string): boolean {
  return hostOf(url) === 'api.openai.com';
}

/** OpenAI or Azure OpenAI, which reject parameters other compatible servers accept. */
export function isOpenAiOrAzureUrl(url: string): boolean {
  const host = hostOf(url);
  return host === 'api.openai.com' || (host?.endsWith('.openai.azure.com') ?? false);
}
