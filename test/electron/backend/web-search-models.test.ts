import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCatalogService } from '../../../electron/backend/catalog-service';
import type { UpstreamConfig } from '../../../electron/engine/types';
import { modelListSchema } from '../../../shared/contract/models';
import { capabilityWarnings } from '../../../renderer/chat/composer/capability-warnings';

// Which models can search the web with the user's keys, as the picker's model list says (and the composer warns
// before sending): OpenRouter any model; Anthropic and Gemini keys their models; an OpenAI key only its search
// models; another OpenAI-compatible server none.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const up = (id: string, kind: UpstreamConfig['kind'], label: string, baseUrl: string): UpstreamConfig => ({ id, kind, label, baseUrl, isByok: kind !== 'openrouter', apiKey: 'k' });

async function listWith(upstreams: UpstreamConfig[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-websearch-models-'));
  dirs.push(dataDir);
  const svc = createCatalogService({ dataDir, upstreams: () => upstreams, autoRefresh: false });
  await svc.ready;
  const list = svc.list();
  expect(modelListSchema.safeParse(list).success).toBe(true);
  return (id: string) => list.models.find((m) => m.id === id)!;
}

describe('which models can search the web', () => {
  it('with direct keys: Anthropic and Gemini models, OpenAI search models only, nothing from other servers', async () => {
    const model = await listWith([
      up('anthropic', 'anthropic', 'Anthropic', 'https://api.anthropic.com'),
      up('gemini', 'gemini', 'Google AI Studio', 'https://generativelanguage.googleapis.com'),
      up('openai', 'openai-compatible', 'OpenAI', 'https://api.openai.com/v1'),
      up('custom:deepseek', 'openai-compatible', 'DeepSeek', 'https://api.deepseek.com/v1'),
    ]);
    expect(model('anthropic/claude-sonnet-4.5').searchesWeb).toBe(true);
    expect(model('google/gemini-2.5-flash').searchesWeb).toBe(true);
    expect(model('openai/gpt-4o-search-preview').searchesWeb).toBe(true);
    expect(model('openai/gpt-4o').searchesWeb).toBe(false);
    expect(model('deepseek/deepseek-chat').searchesWeb).toBe(false);
  });

  it('with OpenRouter: every model', async () => {
    const model = await listWith([up('openrouter', 'openrouter', 'OpenRouter', 'https://openrouter.ai/api/v1')]);
    expect(model('openai/gpt-4o').searchesWeb).toBe(true);
    expect(model('deepseek/deepseek-chat').searchesWeb).toBe(true);
  });

  it('the composer says so before sending, for the columns that asked for it', async () => {
    const model = await listWith([up('openai', 'openai-compatible', 'OpenAI', 'https://api.openai.com/v1')]);
    const models = [model('openai/gpt-4o'), model('openai/gpt-4o-search-preview')];
    const on = { webSearch: { enabled: true } };
    const columns = [
      { id: 'a', model: 'openai/gpt-4o', settings: on },
      { id: 'b', model: 'openai/gpt-4o-search-preview', settings: on },
      { id: 'c', model: 'openai/gpt-4o', settings: {} },
    ];
    const labels = new Map([['a', 'gpt-4o'], ['b', 'gpt-4o-search-preview'], ['c', 'gpt-4o (2)']]);
    expect(capabilityWarnings(columns, labels, [], models)).toEqual(['gpt-4o: web search is not available for this model']);
  });
});
