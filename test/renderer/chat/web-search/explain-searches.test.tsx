import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ParleyDb, setParleyDb } from '../../../../renderer/history/db/database';
import { ledger, setLedger } from '../../../../renderer/common/ledger';
import { createHistoryLedger } from '../../../../renderer/common/ledger/history-ledger';
import { AnswerStats } from '../../../../renderer/chat/messages/AnswerStats';
import { makeRecord } from '../../support/generation-records';
import type { MessageRow } from '../../../../renderer/common/room/types';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';

// "Explain this cost" when searches ran but the price list has no per-search price: it says so, instead of the
// searches vanishing from the explanation.

afterEach(() => cleanup());

let n = 0;
function freshLedger() {
  setParleyDb(new ParleyDb(`explain-searches-${Date.now()}-${++n}`));
  setLedger(createHistoryLedger());
}

function answerRow(r: GenerationRecord): MessageRow {
  const cost: NonNullable<MessageRow['cost']> = { costSource: r.costSource };
  for (const k of ['costMicros', 'reportedCostMicros', 'computedCostMicros', 'reportedCostUsd', 'computedCostUsd', 'costLines'] as const) {
    if (r[k] !== undefined) (cost as unknown as Record<string, unknown>)[k] = r[k];
  }
  return {
    id: `msg-${r.id}`, conversationId: 'c1', seq: 2, parentId: 'u1', groupId: 'g1', columnId: 'col1', role: 'assistant', content: 'an answer',
    status: 'done', generationId: r.id, model: { requested: r.requestedModel, used: r.model, provider: r.provider, upstream: r.upstreamId },
    tokens: r.tokens, cost, createdAt: 1, updatedAt: 1,
  };
}

const lines = [
  { component: 'input', units: 100, unit: 'token' as const, rateMicrosPerUnit: '0.3', micros: 30 },
  { component: 'output', units: 50, unit: 'token' as const, rateMicrosPerUnit: '2.5', micros: 125 },
];

async function explain(record: GenerationRecord) {
  freshLedger();
  await ledger().ingest(record);
  render(<AnswerStats row={answerRow(record)} />);
  await userEvent.setup().click(screen.getByRole('button', { name: 'Explain this cost' }));
  return screen.getByRole('region', { name: 'How this cost was worked out' }).textContent;
}

describe('Explain this cost: web searches without a price', () => {
  it('a BYOK answer says its searches are left out of Parley’s price', async () => {
    const text = await explain(makeRecord({
      id: 'gen-ws1', upstreamId: 'gemini', upstreamKind: 'gemini', provider: 'Google AI Studio', isByok: true, model: 'google/gemini-2.5-flash',
      tokens: { prompt: 100, completion: 50, cacheRead: 0, cacheWrite: 0, reasoning: 0, webSearchRequests: 2 },
      costSource: 'computed', computedCostMicros: 155, computedCostUsd: '0.000155', costMicros: 155, costLines: lines,
    }));
    expect(text).toContain("2 web searches ran; the price list has no per-search price for this model, so Parley's price leaves them out.");
  });

  it('an OpenRouter answer says its bill includes the search', async () => {
    const text = await explain(makeRecord({
      id: 'gen-ws2', provider: 'OpenAI', model: 'openai/gpt-4o',
      tokens: { prompt: 100, completion: 50, cacheRead: 0, cacheWrite: 0, reasoning: 0, webSearchRequests: 1 },
      costSource: 'upstream', reportedCostMicros: 20_155, reportedCostUsd: '0.020155', computedCostMicros: 155, costMicros: 20_155, costLines: lines,
    }));
    expect(text).toContain("1 web search ran; OpenRouter's reported cost includes it, but the price list has no per-search price to show.");
  });

  it('says nothing when the searches are priced, or none ran', async () => {
    const text = await explain(makeRecord({
      id: 'gen-ws3', tokens: { prompt: 100, completion: 50, cacheRead: 0, cacheWrite: 0, reasoning: 0 },
      costSource: 'computed', computedCostMicros: 155, costMicros: 155, costLines: lines,
    }));
    expect(text).not.toContain('web search');
  });
});
