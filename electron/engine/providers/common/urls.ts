// What a base URL says about the server behind it.

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
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
