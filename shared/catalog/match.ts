import type { MatchRule } from './types';

// Compiled once: a history view matches thousands of ids. Bounded, so a hostile catalog cannot grow it without end.
const compiled = new Map<string, RegExp | null>();

function regexOf(source: string): RegExp | null {
  let re = compiled.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source);
    } catch {
      re = null;
    }
    if (compiled.size > 1_000) compiled.clear();
    compiled.set(source, re);
  }
  return re;
}

/** Evaluates a genai-prices match rule against a model id, case-insensitively (as genai-prices does: it lower-cases
 * the id, and its regexes are written for lower-case ids). */
export function matchesRule(rule: MatchRule, id: string): boolean {
  const s = id.toLowerCase();
  if ('or' in rule) return rule.or.some((r) => matchesRule(r, id));
  if ('and' in rule) return rule.and.every((r) => matchesRule(r, id));
  if ('equals' in rule) return s === rule.equals.toLowerCase();
  if ('starts_with' in rule) return s.startsWith(rule.starts_with.toLowerCase());
  if ('ends_with' in rule) return s.endsWith(rule.ends_with.toLowerCase());
  if ('contains' in rule) return s.includes(rule.contains.toLowerCase());
  if ('regex' in rule) return regexOf(rule.regex)?.test(s) ?? false;
  return false;
}

/** Does the rule accept more than the ids its `equals` rules name (a prefix, a regex…)? */
export function isPatternRule(rule: MatchRule): boolean {
  if ('or' in rule) return rule.or.some(isPatternRule);
  return !('equals' in rule);
}

/** "claude-sonnet-4-20250514" → "claude-sonnet-4-2025-05-14" (the reference retries dated ids this way). */
export function dashedDate(id: string): string {
  return id.replace(/(-)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|$)/g, (all, dash: string, y: string, m: string, d: string) => {
    const t = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return t.getUTCMonth() === Number(m) - 1 && t.getUTCDate() === Number(d) ? `${dash}${y}-${m}-${d}` : all;
  });
}
