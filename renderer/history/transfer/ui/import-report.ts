import type { ImportReport } from '../formats/import-json';

// One plain sentence about what an import did, e.g.
// "Imported 3 conversations, 120 messages; 2 already present were skipped."

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function describeImport(r: ImportReport): string {
  const imported = r.conversationIds.length;
  const skipped = r.skippedConversationIds.length;
  const from = r.source === 'openrouter' ? ' from OpenRouter Chatroom' : '';
  let text =
    imported === 0
      ? `Nothing new to import${from}`
      : `Imported ${count(imported, 'conversation', 'conversations')}, ${count(r.messages, 'message', 'messages')}${from}`;
  if (skipped) text += `; ${count(skipped, 'conversation', 'conversations')} already present ${skipped === 1 ? 'was' : 'were'} skipped`;
  return `${text}.`;
}
