import type { MatchRule } from './types';

/** Evaluates a genai-prices match rule against a model id, case-insensitively (as genai-prices does). */
export function matchesRule(rule: MatchRule, id: string): boolean {
  const s = id.toLowerCase();
  if ('or' in rule) return rule.or.some((r) => matchesRule(r, id));
  if ('and' in rule) return rule.and.every((r) => matchesRule(r, id));
  if ('equals' in rule) return s === rule.equals.toLowerCase();
  if ('starts_with' in rule) return s.startsWith(rule.starts_with.toLowerCase());
  if ('ends_with' in rule) return s.endsWith(rule.ends_with.toLowerCase());
  if ('contains' in rule) return s.includes(rule.contains.toLowerCase());
  if ('regex' in rule) {
    try {
      return new RegExp(rule.regex).test(id);
    } catch {
      return false;
    }
  }
  return false;
}
