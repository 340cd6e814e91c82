// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb, newConversation } from '../../support/history-db';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage, getMessage, listAllMessages } from '../../../../renderer/history/db/messages';
import { exportJson } from '../../../../renderer/history/transfer/formats/export-json';
import { exportMarkdown } from '../../../../renderer/history/transfer/formats/export-markdown';
import { importJson } from '../../../../renderer/history/transfer/formats/import-json';
import { searchMessages } from '../../../../renderer/history/db/search-index/query';
import { buildChatRequest } from '../../../../renderer/chat/state/request';
import type { UrlCitation } from '../../../../shared/openrouter/annotations';

// An answer's web sources in the history: stored with the answer, found by their titles, kept by an export →
// import round trip (docs/export-format.md, "Sources"), and never sent back to a model.

const SOURCES: UrlCitation[] = [
  { url: 'https://tides.example.org/brest', title: 'Marégraphe tables for Brest', content: 'High tide at Brest is at 06:12.', start_index: 0, end_index: 22 },
  { url: 'javascript:alert(1)', title: 'Click me' },
];

async function searchedAnswer() {
  const conv = await newConversation('Tides');
  const prompt = await appendUserMessage(conv.id, { content: 'When is high tide in Brest?' });
  const a = await createAssistantMessage(conv.id, { parentId: prompt.id, columnId: 'colA', model: { requested: 'anthropic/claude-sonnet-4.5' } });
  await finalizeAssistantMessage(a.id, { status: 'done', content: 'High tide is at 06:12.', sources: SOURCES });
  return { conv, prompt, a };
}

describe('web sources in the history', () => {
  it('are stored with the answer and found by their titles', async () => {
    await freshDb();
    const { a } = await searchedAnswer();
    expect((await getMessage(a.id))!.sources).toEqual(SOURCES);
    const found = await searchMessages('marégraphe');
    expect(found.hits.map((h) => h.messageId)).toEqual([a.id]);
  });

  it('survive an export → import round trip, searchable again', async () => {
    await freshDb();
    const { conv, a } = await searchedAnswer();
    const before = await listAllMessages(conv.id);
    const json = await exportJson([conv.id]);
    expect(JSON.parse(json).conversations[0].messages.find((m: { id: string }) => m.id === a.id).sources).toEqual(SOURCES);

    await freshDb();
    await importJson(json);
    expect(await listAllMessages(conv.id)).toEqual(before.map((m) => ({ ...m, dn: expect.any(Number) })));
    expect((await getMessage(a.id))!.sources).toEqual(SOURCES);
    expect((await searchMessages('marégraphe')).hits.map((h) => h.messageId)).toEqual([a.id]);
  });

  it('an import whose sources break the format is refused whole, with a clear error', async () => {
    await freshDb();
    const { conv, a } = await searchedAnswer();
    const file = JSON.parse(await exportJson([conv.id]));
    file.conversations[0].messages.find((m: { id: string }) => m.id === a.id).sources = [{ title: 'no url' }];
    await freshDb();
    await expect(importJson(JSON.stringify(file))).rejects.toThrow(/sources/);
    expect(await listAllMessages(conv.id)).toEqual([]);
  });

  it('are listed under the answer in a Markdown export, titles escaped, only http(s) linked', async () => {
    await freshDb();
    const conv = await newConversation('Tides');
    const prompt = await appendUserMessage(conv.id, { content: 'Tides?' });
    const a = await createAssistantMessage(conv.id, { parentId: prompt.id, columnId: 'colA', model: { requested: 'openai/gpt-4o' } });
    const hostile: UrlCitation[] = [
      { url: 'https://tides.example.org/a(b)', title: '[click](javascript:alert(1)) <b>Tides</b>' },
      { url: 'javascript:alert(1)', title: 'Run me' },
    ];
    await finalizeAssistantMessage(a.id, { status: 'done', content: 'High tide is at 06:12.', sources: hostile });
    const md = await exportMarkdown(conv.id);
    expect(md).toContain(
      'High tide is at 06:12.\n\nSources:\n\n' +
        '1. [\\[click\\]\\(javascript:alert\\(1\\)\\) \\<b\\>Tides\\</b\\>](https://tides.example.org/a%28b%29)\n' +
        '2. Run me (javascript:alert\\(1\\))',
    );
  });

  it('are not sent back to the model in the next turn', async () => {
    await freshDb();
    const { conv, prompt, a } = await searchedAnswer();
    const history = [(await getMessage(prompt.id))!, (await getMessage(a.id))!];
    const req = buildChatRequest({ id: 'colA', model: 'anthropic/claude-sonnet-4.5', settings: { webSearch: { enabled: true, maxResults: 3 } } }, history);
    expect(req.messages.at(-1)).toEqual({ role: 'assistant', content: 'High tide is at 06:12.' });
    expect(JSON.stringify(req.messages)).not.toContain('tides.example.org');
    expect(req.plugins).toEqual([{ id: 'web', max_results: 3 }]);
    expect(conv.columns).toBeDefined();
  });
});
