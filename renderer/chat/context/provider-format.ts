// How each upstream family counts a prompt, approximated with the one tokenizer the app bundles (o200k_base via
// gpt-tokenizer). The rules and why: docs/context-meter.md.

export type PromptFormat = 'openai' | 'anthropic' | 'gemini';

export interface FormatRule {
  /** o200k_base tokens are multiplied by this (Claude's tokenizer yields more tokens for the same text) */
  textFactor: number;
  /** framing tokens around each chat message */
  perMessage: number;
  /** the system prompt travels outside the messages (no per-message framing) */
  systemOutsideMessages: boolean;
  /** tokens the reply is primed with */
  priming: number;
  /** one attached image, counted at the size the provider scales large images down to */
  imageTokens: number;
}

export const FORMAT_RULES: Record<PromptFormat, FormatRule> = {
  openai: { textFactor: 1, perMessage: 3, systemOutsideMessages: false, priming: 3, imageTokens: 765 },
  anthropic: { textFactor: 1.2, perMessage: 3, systemOutsideMessages: true, priming: 0, imageTokens: 1_600 },
  gemini: { textFactor: 1, perMessage: 0, systemOutsideMessages: true, priming: 0, imageTokens: 258 },
};

/** The family a model slug belongs to ("anthropic/claude-sonnet-4.5" → anthropic); OpenAI's rule otherwise. */
export function promptFormatOf(model: string): PromptFormat {
  const id = model.toLowerCase();
  if (id.startsWith('anthropic/') || id.includes('claude')) return 'anthropic';
  if (id.startsWith('google/') || id.includes('gemini') || id.includes('gemma')) return 'gemini';
  return 'openai';
}
