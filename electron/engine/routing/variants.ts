// Model variant suffixes (docs/openrouter-api.md §6): `anthropic/claude-sonnet-4.5:nitro`,
// `meta-llama/llama-3.3-70b-instruct:free:online`. A colon can also be part of a model name (Ollama's
// `llama3:8b`), so unknown suffixes are only an error when no configured upstream lists the full name.

import { ENGINE_VARIANTS as KNOWN_VARIANTS, type EngineVariant as Variant } from '../../../shared/catalog/variants';

export { KNOWN_VARIANTS, type Variant };

const isVariant = (s: string): s is Variant => (KNOWN_VARIANTS as readonly string[]).includes(s);

export type ParsedModel = { ok: true; base: string; variants: Variant[] } | { ok: false; message: string };

export function parseModelVariants(model: string, isKnownModelName: (name: string) => boolean): ParsedModel {
  const slash = model.lastIndexOf('/');
  const head = model.slice(0, slash + 1);
  const parts = model.slice(slash + 1).split(':');
  const variants: Variant[] = [];
  while (parts.length > 1 && isVariant(parts[parts.length - 1]!)) variants.unshift(parts.pop() as Variant);
  const base = head + parts.join(':');
  if (parts.length > 1 && !isKnownModelName(base)) {
    const unknown = parts.slice(1).join(':');
    return {
      ok: false,
      message: `Unknown model variant ":${unknown}" in "${model}". Known variants: ${KNOWN_VARIANTS.map((v) => `:${v}`).join(', ')}.`,
    };
  }
  if (parts[0] === '') return { ok: false, message: `"${model}" is not a model id.` };
  return { ok: true, base, variants: [...new Set(variants)] };
}
