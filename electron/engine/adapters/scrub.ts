// Keys must never reach a log line, an error message or the renderer. Upstream error text sometimes echoes the
// key, whole or masked ("Incorrect API key provided: sk-proj-****…Xy1z"): remove the configured key, any word
// that starts or ends like it, and anything key-shaped.

const KEY_SHAPES = [
  /\bsk-[A-Za-z0-9_*.-]{6,}/g, // OpenAI, OpenRouter (sk-or-v1-…), Anthropic (sk-ant-…), DeepSeek
  /\bAIza[A-Za-z0-9_-]{10,}/g, // Google
  /\bgsk_[A-Za-z0-9]{10,}/g, // Groq
  /\bxai-[A-Za-z0-9]{10,}/g, // xAI
  /\b(Bearer|x-api-key:?|x-goog-api-key:?|key=)\s*[A-Za-z0-9_*.-]{8,}/gi,
];

const REDACTED = '[redacted]';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function scrubSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    out = out.split(secret).join(REDACTED);
    if (secret.length >= 16) {
      const head = escapeRe(secret.slice(0, 8));
      const tail = escapeRe(secret.slice(-6));
      out = out.replace(new RegExp(`[^\\s"']*${head}[^\\s"']*|[^\\s"']*${tail}(?![A-Za-z0-9_-])`, 'g'), REDACTED);
    }
  }
  for (const re of KEY_SHAPES) out = out.replace(re, REDACTED);
  return out;
}
