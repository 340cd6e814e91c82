import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ColumnWebSearchNote } from '../../../../renderer/chat/web-search/ColumnWebSearchNote';
import { resetModelsForTests } from '../../../../renderer/common/models/use-models';
import type { ModelSummary } from '../../../../shared/contract/models';

// A column with web search on says so, or says that its model cannot search with the configured keys.

const summary = (id: string, searchesWeb: boolean): ModelSummary => ({
  id, name: id, provider: id.split('/')[0]!, contextLength: null, inputModalities: ['text'], outputModalities: ['text'], promptUsdPerMTok: 1,
  completionUsdPerMTok: 1, isFree: false, supportsReasoning: false, supportsTools: false, searchesWeb, servedBy: ['OpenAI'], servedByIds: ['openai'], pricing: null,
});

beforeAll(() => {
  resetModelsForTests();
  window.parley = {
    invoke: (async (route: string) => {
      if (route === 'models.list') return { ok: true, value: { models: [summary('openai/gpt-4o', false), summary('openai/gpt-4o-search-preview', true)], source: 'bundled', fetchedAt: 0 } };
      return { ok: false, error: { code: 'bad-request', message: `unexpected ${route}` } };
    }) as never,
    subscribe: () => () => {},
  };
});
afterEach(() => cleanup());
afterAll(() => resetModelsForTests());

describe('ColumnWebSearchNote', () => {
  it('says "not available for this model" for a model that cannot search', async () => {
    render(<ColumnWebSearchNote column={{ id: 'a', model: 'openai/gpt-4o', settings: { webSearch: { enabled: true } } }} />);
    expect((await screen.findByRole('note')).textContent).toBe('Web search: not available for this model');
  });

  it('says it is on for a model that can', async () => {
    render(<ColumnWebSearchNote column={{ id: 'b', model: 'openai/gpt-4o-search-preview', settings: { webSearch: { enabled: true } } }} />);
    await screen.findByText('Web search on');
    await new Promise((r) => setTimeout(r, 20)); // the model list has landed: still on, no note
    expect(screen.queryByRole('note')).toBeNull();
  });
});
