import { toolSearchText } from './tool-search-text';

// What of a message the full-text index holds: its text and, for an answer, its reasoning, the titles of its
// web sources and its tool calls' names and results. Every place that adds or removes a message's index entries uses this one function, so removal
// recomputes exactly the terms added.

export function searchableText(m: { content: string; reasoning?: string | undefined; sources?: unknown; toolSteps?: unknown }): string {
  const tools = toolSearchText(m.toolSteps);
  const text = `${m.reasoning ? `${m.content}\n${m.reasoning}` : m.content}${tools ? `\n${tools}` : ''}`;
  if (!Array.isArray(m.sources)) return text;
  const titles = m.sources.flatMap((s: unknown) => {
    const title = (s as { title?: unknown } | null)?.title;
    return typeof title === 'string' && title !== '' ? [title] : [];
  });
  return titles.length > 0 ? `${text}\n${titles.join('\n')}` : text;
}
