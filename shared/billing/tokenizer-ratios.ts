// How many tokens each model family's tokenizer counts for text that OpenAI's o200k_base counts as 1 token,
// measured on the corpus in scripts/tokenizer-ratios/ (how: docs/insights.md, "Token counts across tokenizers").
// The ledger keeps token counts, never text, so a count cannot be made again with another tokenizer: it is
// converted by the ratio of the two families' ratios. A family missing here has no measured ratio.

export interface TokenizerRatio {
  /** tokens per o200k_base token over the corpus */
  perO200k: number;
  /** the tokenizer it was measured with */
  measuredWith: string;
}

export const TOKENIZER_RATIOS: Readonly<Record<string, TokenizerRatio>> = {
  OpenAI: { perO200k: 1, measuredWith: 'o200k_base (gpt-tokenizer)' },
  Anthropic: { perO200k: 1.183, measuredWith: 'the public Claude tokenizer (Claude 1–2; newer Claude tokenizers are not published)' },
  Gemini: { perO200k: 1.035, measuredWith: 'the Gemma 3 tokenizer (the vocabulary Gemini shares)' },
  Llama: { perO200k: 1.044, measuredWith: 'the Llama 3 tokenizer' },
  DeepSeek: { perO200k: 1.043, measuredWith: 'the DeepSeek V3 tokenizer' },
  Qwen: { perO200k: 1.058, measuredWith: 'the Qwen3 tokenizer' },
};

/** Tokens of `to`'s tokenizer per token of `from`'s, or null when either has no measured ratio. */
export function tokenConversion(from: string, to: string): number | null {
  if (from === to) return 1;
  const a = TOKENIZER_RATIOS[from];
  const b = TOKENIZER_RATIOS[to];
  return a && b ? b.perO200k / a.perO200k : null;
}
