// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../support/history-db';
import { deleteAssistant, duplicateAssistant, listAssistants, newAssistantId, onAssistantsChanged, saveAssistant } from '../../../renderer/assistants/store';
import { assistantFileText, AssistantFileError, parseAssistantFile } from '../../../renderer/assistants/file-format';
import { assistantColumns, assistantFromRoom } from '../../../renderer/assistants/setup';
import { resolveStarter, STARTER_ASSISTANTS } from '../../../renderer/assistants/starters';
import type { Assistant } from '../../../renderer/assistants/types';

const T0 = Date.UTC(2026, 2, 1, 9);

function reviewer(over: Partial<Assistant> = {}): Assistant {
  return {
    id: newAssistantId(),
    name: 'Code reviewer',
    description: 'Three models review a diff',
    systemPrompt: 'Review this code.',
    columns: [
      { model: 'openai/gpt-5:nitro', settings: { temperature: 0.2, provider: { order: ['openai'], allowFallbacks: false } } },
      { model: 'anthropic/claude-sonnet-4.5', label: 'Claude', settings: { maxTokens: 900, reasoningEffort: 'high', webSearch: { enabled: true, engine: 'exa', maxResults: 3 } } },
      { model: 'google/gemini-2.5-pro', settings: { systemPrompt: 'Be terse.' } },
    ],
    blind: true,
    contextOverflow: 'stop',
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

beforeEach(async () => {
  await freshDb();
});

describe('assistant store', () => {
  it('saves, lists by name, duplicates, and deletes with an undo', async () => {
    let changes = 0;
    const off = onAssistantsChanged(() => changes++);
    const a = await saveAssistant(reviewer());
    await saveAssistant(reviewer({ name: 'Another' }));
    expect((await listAssistants()).map((x) => x.name)).toEqual(['Another', 'Code reviewer']);
    const copy = await duplicateAssistant(a);
    expect(copy).toMatchObject({ name: 'Code reviewer (copy)', columns: a.columns, systemPrompt: a.systemPrompt, blind: true });
    expect(copy.id).not.toBe(a.id);

    const gone = await deleteAssistant(a.id);
    expect((await listAssistants()).map((x) => x.name)).toEqual(['Another', 'Code reviewer (copy)']);
    expect(await gone!.undo()).toBe(true);
    expect((await listAssistants()).find((x) => x.id === a.id)).toEqual(a);
    expect(await gone!.undo()).toBe(false); // once
    const late = await deleteAssistant(copy.id, 0);
    await new Promise((r) => setTimeout(r, 5));
    expect(await late!.undo()).toBe(false);
    expect(changes).toBeGreaterThanOrEqual(6);
    off();
  });

  it('refuses an assistant without a name', async () => {
    await expect(saveAssistant(reviewer({ name: '   ' }))).rejects.toThrow('An assistant needs a name.');
    expect(await listAssistants()).toEqual([]);
  });
});

describe('an assistant from a room and back', () => {
  it('lifts a system prompt every column shares and gives it back to each column', () => {
    const columns = [
      { id: 'c1', model: 'e2e/alpha', settings: { systemPrompt: 'Be kind.', temperature: 0.4 } },
      { id: 'c2', model: 'e2e/beta', label: 'Beta', settings: { systemPrompt: 'Be kind.' } },
    ];
    const a = assistantFromRoom('Kind', { columns, blind: true, conversation: { pinProviders: true, contextOverflow: 'drop-oldest' } }, T0);
    expect(a).toMatchObject({ name: 'Kind', systemPrompt: 'Be kind.', blind: true, pinProviders: true, contextOverflow: 'drop-oldest' });
    expect(a.columns).toEqual([
      { model: 'e2e/alpha', settings: { temperature: 0.4 } },
      { model: 'e2e/beta', label: 'Beta', settings: {} },
    ]);
    expect(assistantColumns(a)).toEqual([
      { model: 'e2e/alpha', settings: { temperature: 0.4, systemPrompt: 'Be kind.' } },
      { model: 'e2e/beta', label: 'Beta', settings: { systemPrompt: 'Be kind.' } },
    ]);
    // different prompts stay with their columns
    const mixed = assistantFromRoom('Mixed', { columns: [columns[0]!, { ...columns[1]!, settings: { systemPrompt: 'Be brief.' } }], blind: false, conversation: null }, T0);
    expect(mixed.systemPrompt).toBeUndefined();
    expect(mixed.columns.map((c) => c.settings.systemPrompt)).toEqual(['Be kind.', 'Be brief.']);
  });

  it('starters take the catalog models they find and name those missing', () => {
    const coding = STARTER_ASSISTANTS.find((s) => s.name === 'Compare three coding models')!;
    const all = resolveStarter(coding, new Set(coding.candidates));
    expect(all.assistant.columns).toHaveLength(3);
    expect(all.missing).toEqual([]);
    const few = resolveStarter(coding, new Set(['openai/gpt-5']));
    expect(few.assistant.columns.map((c) => c.model)).toEqual(['openai/gpt-5']);
    expect(few.missing).toContain('anthropic/claude-sonnet-4.5');
    expect(STARTER_ASSISTANTS.map((s) => s.name)).toEqual(expect.arrayContaining(['Compare three coding models', 'Cheapest good answer', 'Blind taste test']));
    expect(resolveStarter(STARTER_ASSISTANTS.find((s) => s.name === 'Blind taste test')!, new Set(['openai/gpt-5', 'google/gemini-2.5-pro'])).assistant.blind).toBe(true);
  });
});

describe('assistant file', () => {
  it('round-trips everything an assistant sets up, with a new id', async () => {
    const a = reviewer();
    const text = assistantFileText(a);
    expect(JSON.parse(text)).toMatchObject({ format: 'parley-assistant', version: 1 });
    expect(text).not.toContain(a.id);
    const back = parseAssistantFile(text, { id: 'asst_new', now: T0 + 1 });
    expect(back).toEqual({ ...a, id: 'asst_new', createdAt: T0 + 1, updatedAt: T0 + 1 });
    await saveAssistant(back);
    expect((await listAssistants())[0]).toMatchObject({ name: 'Code reviewer', columns: a.columns });
  });

  const file = (assistant: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'parley-assistant', version: 1, assistant, ...extra });
  const good = { name: 'X', columns: [{ model: 'openai/gpt-5', settings: {} }] };
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"format": "parley-assistant", "vers', /not valid JSON/],
    ['another format', JSON.stringify({ format: 'parley-export', version: 1 }), /not a Parley assistant file/],
    ['a newer version', JSON.stringify({ format: 'parley-assistant', version: 2, assistant: good }), /version 2, written by a newer Parley/],
    ['no models', file({ name: 'X', columns: [] }), /assistant\.columns: an assistant needs at least one model/],
    ['a temperature out of range', file({ name: 'X', columns: [{ model: 'a/b', settings: { temperature: 7 } }] }), /assistant\.columns\[0\]\.settings\.temperature/],
    ['an unknown field', file({ ...good, apiKey: 'sk-1' }), /invalid data/],
    ['no name', file({ columns: good.columns }), /assistant\.name/],
    ['a prototype key', `{"format":"parley-assistant","version":1,"assistant":{"name":"X","columns":[{"model":"a/b","settings":{"__proto__":{"x":1}}}]}}`, /__proto__/],
    ['a huge file', file({ ...good, systemPrompt: 'x'.repeat(300_000) }), /at most 256 KB/],
  ];
  for (const [what, text, message] of cases) {
    it(`refuses a file with ${what}, clearly, storing nothing`, async () => {
      let caught: unknown;
      try {
        parseAssistantFile(text, { id: 'asst_x', now: T0 });
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(AssistantFileError);
      expect((caught as Error).message).toMatch(message);
      expect((caught as Error).message).toMatch(/Nothing was imported\./);
      expect(await listAssistants()).toEqual([]);
    });
  }
});
