import { formatBytes } from '../../common/format-bytes';
import type { McpCallResult } from '../../../shared/contract/mcp';

// How much of a tool's result a card shows before "Show all", and what it says about results main cut at 1 MB.

export const SHOWN_CHARS = 2_000;

export function shortResult(text: string, all: boolean): { shown: string; cut: boolean } {
  if (all || text.length <= SHOWN_CHARS) return { shown: text, cut: false };
  return { shown: text.slice(0, SHOWN_CHARS), cut: true };
}

/** "The tool returned 10.0 MB; only the first 1.0 MB is kept." for a result main truncated, else null. */
export function truncationNote(r: Pick<McpCallResult, 'truncated' | 'fullBytes' | 'text'>): string | null {
  if (!r.truncated) return null;
  return `The tool returned ${formatBytes(r.fullBytes)}; only the first ${formatBytes(new TextEncoder().encode(r.text).length)} is kept.`;
}

/** The model's arguments as indented JSON, or exactly as sent when they are not JSON. */
export function prettyArguments(text: string): string {
  if (text.trim() === '') return '{}';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
