// What of a message the full-text index holds: its text and, for an answer, its reasoning. Every place that adds
// or removes a message's index entries uses this one function, so removal recomputes exactly the terms added.

export function searchableText(m: { content: string; reasoning?: string | undefined }): string {
  return m.reasoning ? `${m.content}\n${m.reasoning}` : m.content;
}
