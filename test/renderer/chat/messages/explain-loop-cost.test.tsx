import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, cleanup, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ParleyDb, setParleyDb } from '../../../../renderer/history/db/database';
import { setLedger } from '../../../../renderer/common/ledger';
import { createHistoryLedger } from '../../../../renderer/common/ledger/history-ledger';
import { AnswerStats } from '../../../../renderer/chat/messages/AnswerStats';
import { makeRecord } from '../../support/generation-records';
import type { MessageRow } from '../../../../renderer/common/room/types';
import type { LoopStep } from '../../../../shared/tools/tool-steps';

// "Explain this cost" on an answer that ran a tool loop lists every model step with its own figures, and the sum.

afterEach(() => cleanup());

let n = 0;
function freshLedger() {
  setParleyDb(new ParleyDb(`explain-loop-cost-${Date.now()}-${++n}`));
  setLedger(createHistoryLedger());
}

const tokens = (prompt: number, completion: number) => ({ prompt, completion, cacheRead: 0, cacheWrite: 0, reasoning: 0 });

/** The three steps of a gpt-4o loop ($2.50 / $10 per million): 120 in + 30 out = 600 µ$; 200 + 40 = 900 µ$;
 * 260 + 8 = 730 µ$. */
const steps: LoopStep[] = [
  { text: '', calls: [], record: makeRecord({ id: 'gen-s1', costMicros: 600, tokens: tokens(120, 30), durationMs: 1_250 }) },
  { text: '', calls: [], record: makeRecord({ id: 'gen-s2', costMicros: 900, tokens: tokens(200, 40), durationMs: 800 }) },
  { text: 'Done.', calls: [], record: makeRecord({ id: 'gen-s3', costMicros: 730, tokens: tokens(260, 8), durationMs: 2_000 }) },
];

function answer(loop: LoopStep[]): MessageRow {
  const last = loop.at(-1)!.record!;
  return {
    id: 'msg-loop', conversationId: 'c1', seq: 2, parentId: 'u1', groupId: 'g1', columnId: 'col1', role: 'assistant', content: 'Done.',
    status: 'done', generationId: last.id, model: { requested: last.requestedModel, used: last.model, provider: last.provider, upstream: last.upstreamId },
    tokens: last.tokens, cost: { costSource: 'computed', costMicros: 2_230, computedCostMicros: 2_230 }, createdAt: 1, updatedAt: 1,
    ...({ toolSteps: loop } as object),
  };
}

describe('Explain this cost: a tool loop', () => {
  it('lists each step with its own tokens, time and cost, and the sum of all steps', async () => {
    freshLedger();
    const user = userEvent.setup();
    render(<AnswerStats row={answer(steps)} />);
    await user.click(screen.getByRole('button', { name: 'Explain this cost' }));
    const table = screen.getByRole('table', { name: 'Tool loop steps' });
    expect(within(table).getByText('The tool loop made 3 requests, each billed:')).toBeTruthy();
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'Step 1120 in · 30 out · 1.25 s$0.0006',
      'Step 2200 in · 40 out · 800 ms$0.0009',
      'Step 3260 in · 8 out · 2.00 s$0.00073',
      // 600 + 900 + 730 = 2,230 µ$; 580 in, 78 out; 4.05 s
      'All 3 steps580 in · 78 out · 4.05 s$0.00223',
    ]);
  });

  it('says the total is unknown when one step’s cost is, rather than showing a partial sum', async () => {
    freshLedger();
    const user = userEvent.setup();
    const unknown: LoopStep = { ...steps[1]!, record: makeRecord({ id: 'gen-s2', costMicros: undefined, costSource: 'none', costReason: 'no-pricing', tokens: tokens(200, 40) }) };
    render(<AnswerStats row={answer([steps[0]!, unknown, steps[2]!])} />);
    await user.click(screen.getByRole('button', { name: 'Explain this cost' }));
    const rows = within(screen.getByRole('table', { name: 'Tool loop steps' })).getAllByRole('row');
    expect(rows[1]!.textContent).toMatch(/unknown$/);
    expect(rows.at(-1)!.textContent).toMatch(/^All 3 steps.*unknown$/);
  });

  it('shows no step table for an answer without a tool loop', async () => {
    freshLedger();
    const user = userEvent.setup();
    render(<AnswerStats row={answer([steps[2]!])} />);
    await user.click(screen.getByRole('button', { name: 'Explain this cost' }));
    expect(screen.queryByRole('table', { name: 'Tool loop steps' })).toBeNull();
  });
});
