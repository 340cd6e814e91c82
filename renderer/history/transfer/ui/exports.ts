import { exportJson } from '../formats/export-json';
import { exportMarkdown } from '../formats/export-markdown';
import { downloadText, exportFileName } from './download';

// What the Export controls do. The history never holds API keys, so nothing here needs to filter them out; who
// wrote the answers of a blind turn not voted on yet is left out (docs/export-format.md, "Blind turns").

export async function downloadConversationJson(conversationId: string, title: string): Promise<Blob> {
  return downloadText(await exportJson([conversationId], { veilBlindTurns: true }), exportFileName(title, 'json'), 'application/json');
}

export async function downloadConversationMarkdown(conversationId: string, title: string): Promise<Blob> {
  return downloadText(await exportMarkdown(conversationId), exportFileName(title, 'md'), 'text/markdown');
}

export async function downloadAllJson(): Promise<Blob> {
  return downloadText(await exportJson(undefined, { veilBlindTurns: true }), exportFileName('all', 'json'), 'application/json');
}
