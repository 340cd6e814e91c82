import { vi } from 'vitest';
import {
  appendUserMessage,
  closeParleyDb,
  createAssistantMessage,
  createConversation,
  finalizeAssistantMessage,
  ParleyDb,
  setParleyDb,
  type ColumnConfig,
} from '../../../renderer/history/db';

// Shared by the search and transfer UI tests: a fresh database per test, seeded through the real data layer,
// and a capture of what the Blob downloads would have saved.

let n = 0;

export async function freshHistory(): Promise<ParleyDb> {
  closeParleyDb();
  const db = new ParleyDb(`history-ui-${process.pid}-${++n}-${Math.random().toString(36).slice(2)}`);
  await db.open();
  setParleyDb(db);
  return db;
}

export const COLUMNS: ColumnConfig[] = [
  { id: 'colA', model: 'openai/gpt-5', label: 'GPT', settings: {} },
  { id: 'colB', model: 'anthropic/claude-sonnet-4.5', settings: {} },
];

/** A conversation with one prompt and an answer from each column. */
export async function seedConversation(title: string, prompt: string, answers: [string, string], opts: { reasoning?: string; blind?: boolean } = {}) {
  const conv = await createConversation({ title, columns: COLUMNS, ...(opts.blind ? { blind: true } : {}) });
  const user = await appendUserMessage(conv.id, { content: prompt });
  const replies = [];
  for (const [i, col] of COLUMNS.entries()) {
    const a = await createAssistantMessage(conv.id, { parentId: user.id, columnId: col.id, model: { requested: col.model } });
    replies.push(
      await finalizeAssistantMessage(a.id, {
        status: 'done',
        content: answers[i]!,
        reasoning: opts.reasoning && i === 0 ? opts.reasoning : `private reasoning ${i}`,
      }),
    );
  }
  return { conv, user, replies };
}

export interface Download {
  name: string;
  blob: Blob;
}

/** Captures Blob downloads (jsdom has no object URLs and can't navigate). */
export function captureDownloads(): Download[] {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = vi.fn((b: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, b);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.getAttribute('href') ?? '')! });
  });
  return downloads;
}

export function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
