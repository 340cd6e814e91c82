// What kind of prompt this is, decided locally from the text's own features (no model, no network): the same
// prompt always gets the same category, so a vote's category never changes and the leaderboard can be filtered by
// it. Each category scores cues (words, symbols, shapes of text); the highest score wins, and a prompt with no cue
// strong enough is "chat". Cues are weighed by how surely they point at one category: a code fence is code, "solve"
// next to digits is maths, "translate … into" is translation. The labelled set in test/shared/prompts/ measures it.

export const PROMPT_CATEGORIES = ['code', 'maths', 'writing', 'translation', 'analysis', 'chat'] as const;
export type PromptCategory = (typeof PROMPT_CATEGORIES)[number];

export const CATEGORY_LABEL: Record<PromptCategory, string> = {
  code: 'Code',
  maths: 'Maths',
  writing: 'Writing',
  translation: 'Translation',
  analysis: 'Analysis',
  chat: 'Chat',
};

interface Cue {
  re: RegExp;
  weight: number;
}

const LANGUAGES =
  'english|french|spanish|german|italian|portuguese|dutch|russian|chinese|mandarin|cantonese|japanese|korean|arabic|hindi|turkish|polish|swedish|norwegian|danish|finnish|greek|hebrew|vietnamese|thai|indonesian|ukrainian|czech|romanian|hungarian|latin|catalan|persian|farsi|urdu|bengali|swahili';

const CUES: Record<Exclude<PromptCategory, 'chat'>, Cue[]> = {
  code: [
    { re: /```/, weight: 4 },
    { re: /\b(function|def|class|const|let|var|import|return|public|static|void|async|await|struct|impl|fn|lambda|#include)\b[^.?!]*[({=:;<]/, weight: 3 },
    { re: /[;{}]\s*$|=>|->|::|\(\)\s*[{;]|\bnull\b|\bundefined\b/m, weight: 1.5 },
    { re: /\b(c\+\+|c#)(?!\w)|\bgo (program|code|module)s?\b|\b(goroutines?|deadlock\w*|segfault|pandas|numpy|dataframe|useEffect|useState|div|dependency injection|lru cache|mutex|race condition|git (rebase|merge|commit|branch|push|pull))\b/i, weight: 2.5 },
    { re: /\b(python|javascript|typescript|java|golang|rust|kotlin|swift|ruby|php|bash|shell script|powershell|sql|html|css|react|node\.?js|django|flask|docker|kubernetes|git|regex|regular expression|json|yaml|api|sdk|npm|pip)\b/i, weight: 2.5 },
    { re: /\b(code|coding|program|script|compile[rsd]?|compiling|debug|bug|stack ?trace|exception|segfault|refactor|unit tests?|function|method|variable|algorithm|endpoint|query|repository|deploy|linter|syntax error|runtime error|null pointer|off-by-one|big-o|time complexity)\b/i, weight: 2 },
    { re: /\b\w+\.(py|js|ts|tsx|rs|go|java|cpp|c|rb|php|sh|sql|yml|yaml|json|toml)\b/i, weight: 2 },
    { re: /\b(Error|Exception|Traceback|TypeError|ValueError|SyntaxError|undefined is not)\b/, weight: 2 },
  ],
  maths: [
    { re: /\\(frac|int|sum|sqrt|lim|cdot|alpha|beta|theta|pi)\b|\$[^$]+\$/, weight: 4 },
    { re: /\d\s*[-+*/^×÷=]\s*\(?\d|\b\d+\s*[a-z]\s*[-+=]|[a-z]\s*\^\s*\d|\b[xyn]\s*=\s*-?\d/i, weight: 2.5 },
    { re: /\b(solve|equation|integral|integrate|derivative|differentiate|calculus|algebra|geometry|trigonometry|theorem|prove that|proof|lemma|probability|expected value|variance|standard deviation|matrix|matrices|eigen\w*|vector|polynomial|factori[sz]e|prime numbers?|logarithm|limit of|converge[sn]?|series|modulo|gcd|lcm|hypotenuse|circumference|area of|volume of|percentage|compound interest|combinatori\w*|permutations?|dice|arithmetic)\b/i, weight: 2.5 },
    { re: /\b(calculate|compute|how many|what is the (sum|product|value|probability)|simplify|evaluate the|find the (value|roots?|area|minimum|maximum))\b/i, weight: 1.5 },
    { re: /[∫∑√π∞≤≥≠±∂]/, weight: 3 },
    { re: /\d+(\.\d+)?\s*%\s*of\s*\d|\bis \d+ (a )?prime\b|\bsquare root of\b|\b(bayes|central limit)\b/i, weight: 2.5 },
  ],
  translation: [
    { re: new RegExp(`\\btranslat\\w*\\b[^.?!]*\\b(into|to|in|from)\\s+(${LANGUAGES})\\b`, 'i'), weight: 6 },
    { re: /\btranslat(e|ion|ing)\b/i, weight: 3.5 },
    { re: new RegExp(`\\b(how (do|would) (you|i) say|what(?:'s| is| does) .{1,40} (in|mean in)\\s+(${LANGUAGES}))\\b`, 'i'), weight: 4 },
    { re: new RegExp(`\\b(in|into)\\s+(${LANGUAGES})\\b`, 'i'), weight: 1.5 },
    { re: /\b(localis|localiz)e\b/i, weight: 2 },
    { re: /\b(traduce|traducir|traduis|traduire|traduzir|tradução|traduzione|tradurre|traduci|übersetze\w*|vertaal)\b|переведи/i, weight: 5 },
    { re: new RegExp(`\\b(the\\s+(${LANGUAGES})\\s+(word|phrase|term)\\s+for|render\\b[^.?!]{0,40}\\bin\\s+(${LANGUAGES}))\\b`, 'i'), weight: 4 },
  ],
  writing: [
    { re: /\b(write|compose|draft|pen|craft)\b[^.?!]{0,40}\b(poem|haiku|sonnet|limerick|story|short story|essay|email|e-mail|letter|cover letter|blog( post)?|article|speech|toast|tweet|post|caption|slogan|tagline|headline|lyrics|song|script|dialogue|bio|description|newsletter|press release|review|summary|paragraph|introduction|conclusion|ad copy|product description|message|note|invitation)\b/i, weight: 5 },
    { re: /\b(rewrite|rephrase|paraphrase|proofread|edit (this|my)|polish|make (this|it) (sound|more|less)|shorten|tone|wording|copywriting|storytelling|narrative|plot|character arc|rhyme|stanza|metaphor)\b/i, weight: 3 },
    { re: /\b(poem|haiku|sonnet|limerick|short story|fairy tale|novel|fiction|screenplay|lyrics|slogans?|taglines?|backstory)\b/i, weight: 3 },
    { re: /\b(write|draft)\b/i, weight: 1 },
  ],
  analysis: [
    { re: /\b(analy[sz]e|analysis|assess|evaluate|compare|comparison|contrast|pros and cons|trade-?offs?|advantages and disadvantages|strengths and weaknesses|critique|implications|impact of|root cause|swot|interpret|break down|breakdown|what are the (main )?(factors|causes|risks|differences)|summari[sz]e|key takeaways|trends?|forecast|correlat\w*|causal|hypothes[ie]s|evidence|argument|weigh)\b/i, weight: 3 },
    { re: /\b(why (did|does|do|is|are|was|were)|explain (why|how|the (difference|reasons?)))\b/i, weight: 1.5 },
    { re: /\b(data|dataset|report|study|survey|market|strategy|policy|economy|economic|financial|revenue|risk|decision)\b/i, weight: 1 },
    { re: /\b(vs\.?|versus|better than|should i (choose|pick|use))\b/i, weight: 1.5 },
    { re: /\b(which (one )?is better|impact (of|on)|difference between)\b/i, weight: 2 },
  ],
};

/** At or below this, no category is sure enough: the prompt is chat. One strong cue (weight 2 or more) is enough. */
const MIN_SCORE = 1.9;

export function categoryScores(text: string): Record<PromptCategory, number> {
  const t = text.slice(0, 4000); // the start says what kind of prompt it is; a pasted log must not cost more
  const scores: Record<PromptCategory, number> = { code: 0, maths: 0, writing: 0, translation: 0, analysis: 0, chat: MIN_SCORE };
  for (const cat of Object.keys(CUES) as (keyof typeof CUES)[]) {
    for (const cue of CUES[cat]) if (cue.re.test(t)) scores[cat] += cue.weight;
  }
  return scores;
}

export function classifyPrompt(text: string): PromptCategory {
  const scores = categoryScores(text);
  let best: PromptCategory = 'chat';
  // ties go to the earlier category in PROMPT_CATEGORIES, the more specific one
  for (const cat of PROMPT_CATEGORIES) if (scores[cat] > scores[best]) best = cat;
  return best;
}
