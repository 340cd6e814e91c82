const EXCERPT_CHARS = 140;

/** The start of a prompt (its first line, at most 140 characters), to recognise its turn in a list. */
export function promptExcerpt(content: string): string {
  const line = content.trim().split('\n')[0]!.trim();
  return line.length > EXCERPT_CHARS ? `${line.slice(0, EXCERPT_CHARS - 1)}…` : line;
}
