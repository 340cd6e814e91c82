import { render, screen, cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getConversation, getParleyDb, listAllMessages, listConversations } from '../../../../../renderer/history/db';
import { importJson } from '../../../../../renderer/history/transfer/formats/import-json';
import { ExportMenu } from '../../../../../renderer/history/transfer/ui/ExportMenu';
import { TransferSection } from '../../../../../renderer/history/transfer/ui/TransferSection';
import { useRoom } from '../../../../../renderer/common/room/room-store';
import { blobText, captureDownloads, freshHistory, seedConversation } from '../../../support/seed-history';

const SLOW = { timeout: 5000 };

beforeEach(async () => {
  await freshHistory();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function jsonFile(text: string, name = 'export.json') {
  return new File([text], name, { type: 'application/json' });
}

async function storedCounts() {
  const db = getParleyDb();
  return { conversations: await db.conversations.count(), messages: await db.messages.count() };
}

describe('export', () => {
  it('exports the open conversation as JSON that round-trips through import into a fresh database, without keys', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    const { conv } = await seedConversation('Sourdough: tips & tricks', 'How do I start?', ['Flour and water.', 'Patience.']);
    await seedConversation('Other', 'Not exported', ['a', 'b']);
    render(<ExportMenu conversationId={conv.id} title={conv.title} />);

    await user.click(screen.getByText('Export'));
    await user.click(screen.getByRole('button', { name: 'Export as JSON' }));
    await vi.waitFor(() => expect(downloads).toHaveLength(1), SLOW);
    const today = new Date();
    const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(downloads[0]!.name).toBe(`parley-sourdough-tips-tricks-${date}.json`);
    expect(downloads[0]!.blob.type).toBe('application/json');

    const text = await blobText(downloads[0]!.blob);
    expect(text).not.toMatch(/apiKey/i);
    const parsed = JSON.parse(text) as { format: string; version: number; conversations: { id: string }[] };
    expect(parsed.format).toBe('parley-export');
    expect(parsed.conversations.map((c) => c.id)).toEqual([conv.id]);

    const original = await listAllMessages(conv.id);
    await freshHistory();
    const report = await importJson(text);
    expect(report.conversationIds).toEqual([conv.id]);
    expect((await getConversation(conv.id))?.title).toBe('Sourdough: tips & tricks');
    const restored = await listAllMessages(conv.id);
    expect(restored.map((m) => [m.id, m.role, m.content, m.reasoning])).toEqual(original.map((m) => [m.id, m.role, m.content, m.reasoning]));
  });

  it('exports the open conversation as Markdown', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    const { conv } = await seedConversation('Kyoto', 'When to go?', ['Spring.', 'Autumn.']);
    render(<ExportMenu conversationId={conv.id} title={conv.title} />);
    await user.click(screen.getByText('Export'));
    await user.click(screen.getByRole('button', { name: 'Export as Markdown' }));
    await vi.waitFor(() => expect(downloads).toHaveLength(1), SLOW);
    expect(downloads[0]!.name).toMatch(/^parley-kyoto-\d{4}-\d{2}-\d{2}\.md$/);
    const md = await blobText(downloads[0]!.blob);
    expect(md).toContain('# Kyoto');
    expect(md).toContain('When to go?');
    expect(md).toContain('Autumn.');
  });

  it('exports every conversation from Settings, and that file imports back with a report', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    await seedConversation('One', 'first prompt', ['a1', 'b1']);
    await seedConversation('Two', 'second prompt', ['a2', 'b2']);
    render(<TransferSection />);
    await user.click(screen.getByRole('button', { name: 'Export all conversations (JSON)' }));
    await vi.waitFor(() => expect(downloads).toHaveLength(1), SLOW);
    expect(downloads[0]!.name).toMatch(/^parley-all-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await blobText(downloads[0]!.blob);

    await freshHistory();
    useRoom.setState({ conversations: [] });
    const picker = screen.getByLabelText('Import conversations');
    await user.upload(picker, jsonFile(text));
    expect((await screen.findByText('Imported 2 conversations, 6 messages.', undefined, SLOW)).closest('[role="status"]')).not.toBeNull();
    expect((await listConversations()).map((c) => c.title).sort()).toEqual(['One', 'Two']);
    // the sidebar list was refreshed
    await vi.waitFor(() => expect(useRoom.getState().conversations.map((c) => c.title).sort()).toEqual(['One', 'Two']), SLOW);

    await user.upload(picker, jsonFile(text));
    await screen.findByText('Nothing new to import; 2 conversations already present were skipped.', undefined, SLOW);
    expect(await storedCounts()).toEqual({ conversations: 2, messages: 6 });
  });
});

describe('import', () => {
  it('lists what an OpenRouter Chatroom import repaired', async () => {
    const user = userEvent.setup();
    render(<TransferSection />);
    const file = {
      version: 'orpg.2.0',
      characters: { c1: { id: 'c1', model: 'openai/gpt-4o' } },
      messages: {
        u1: { characterId: 'USER', content: 'Hi', createdAt: 1 },
        a1: { characterId: 'removed', content: 'Hello from a removed model', parentMessageId: 'u1', createdAt: 2, metadata: { variantSlug: 'x/old' } },
      },
    };
    await user.upload(screen.getByLabelText('Import conversations'), jsonFile(JSON.stringify(file), 'openrouter.json'));
    const report = (await screen.findByText('Imported 1 conversation, 2 messages from OpenRouter Chatroom.', undefined, SLOW)).closest('[role="status"]')!;
    expect(report.querySelector('li')?.textContent).toBe('Character removed is not in the file: its answers were put in a column of their own, named after the model they report (or "Unknown model"): a1.');
  });

  it('accepts .json files and mentions OpenRouter Chatroom exports', () => {
    render(<TransferSection />);
    expect(screen.getByLabelText('Import conversations').getAttribute('accept')).toContain('.json');
    expect(screen.getByText(/OpenRouter Chatroom/)).toBeTruthy();
  });

  it('shows the reason a malformed file was refused and writes nothing', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    await seedConversation('Good', 'valid prompt', ['x', 'y']);
    await seedConversation('Bad', 'prompt to break', ['x', 'y']);
    render(<TransferSection />);
    await user.click(screen.getByRole('button', { name: 'Export all conversations (JSON)' }));
    await vi.waitFor(() => expect(downloads).toHaveLength(1), SLOW);
    const data = JSON.parse(await blobText(downloads[0]!.blob)) as { conversations: { messages: { role: string }[] }[] };
    data.conversations[1]!.messages[0]!.role = 'hacker'; // the first conversation stays valid

    await freshHistory();
    const picker = screen.getByLabelText('Import conversations');
    await user.upload(picker, jsonFile(JSON.stringify(data)));
    const alert = await screen.findByRole('alert', undefined, SLOW);
    expect(alert.textContent).toMatch(/not a valid Parley export/);
    expect(alert.textContent).toMatch(/Nothing was imported/);
    expect(await storedCounts()).toEqual({ conversations: 0, messages: 0 });

    await user.upload(picker, jsonFile('{"format": "parley-export", "conversations": ['));
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/ends in the middle of the data/), SLOW);
    expect(await storedCounts()).toEqual({ conversations: 0, messages: 0 });
  });
});
