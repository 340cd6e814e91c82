// Keys must never reach a log line, an error message or the renderer. Upstream error text sometimes echoes the
// key, whole or masked ("Incorrect API key provided: sk-proj-****…Xy1z"): remove the configured key, any word
// that starts or ends like it (also masked), and anything key-shaped.

const KEY_SHAPES = [
  /\bsk-[A-Za-z0-9_*.-]{6,}/g, // OpenAI, OpenRouter (sk-or-v1-…), Anthropic (sk-ant-…), DeepSeek
  /\bAIza[A-Za-z0-9_-]{10,}/g, // Google
  /\bgsk_[A-Za-z0-9]{10,}/g, // Groq
  /\bxai-[A-Za-z0-9]{10,}/g, // xAI
  /\b(Bearer|x-api-key:?|x-goog-api-key:?|key=)\s*[A-Za-z0-9_*.-]{8,}/gi,
];

const REDACTED = '[redacted]';
const WORD = /[^\s"'`,;()<>[\]{}]+/g;
const MASK = /[*•…]{2,}|\.{3,}|…/;

function resembles(word: string, secret: string): boolean {
  const bare = word.replace(/[.!?:]+$/, '');
  if (bare.includes(secret.slice(0, 8)) || bare.endsWith(secret.slice(-6))) return true;
  return MASK.test(bare) && (bare.startsWith(secret.slice(0, 4)) || bare.endsWith(secret.slice(-4)));
}

export function scrubSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  const long: string[] = [];
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    out = out.split(secret).join(REDACTED);
    if (secret.length >= 12) long.push(secret);
  }
  if (long.length > 0) out = out.replace(WORD, (w) => (long.some((s) => resembles(w, s)) ? REDACTED : w));
  for (const re of KEY_SHAPES) out = out.replace(re, REDACTED);
  return out;
}
