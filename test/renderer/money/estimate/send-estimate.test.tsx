import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { render, screen, cleanup, waitFor, within } from '@testing-library/react';
import { installFakeMain } from '../../support/fake-main';
import { modelSummary } from '../../support/model-summaries';
import { SendEstimate } from '../../../../renderer/money/estimate/SendEstimate';

// "hello world" as one user message: 2 text tokens + 3 per message + 1 for the role + 3 to prime the reply = 9
// (o200k_base). With a "Be brief." system message first: + 3 + 1 + 3 = 16.
const hello = { messages: [{ role: 'user' as const, content: 'hello world' }] };

beforeAll(() => {
  installFakeMain({
    'models.list': () => ({
      models: [
        modelSummary({ id: 'openai/gpt-4o', name: 'GPT-4o', promptUsdPerMTok: 2.5, completionUsdPerMTok: 10, contextLength: 128_000 }),
        modelSummary({ id: 'tiny/model', name: 'Tiny', promptUsdPerMTok: 1, completionUsdPerMTok: 1, contextLength: 12 }),
        modelSummary({ id: 'meta/llama:free', name: 'Llama (free)', promptUsdPerMTok: 0, completionUsdPerMTok: 0, isFree: true }),
      ],
      source: 'bundled',
      fetchedAt: 1,
    }),
  });
});
afterEach(() => cleanup());

const items = () => within(screen.getByLabelText('Send estimate')).getAllByRole('listitem').map((li) => li.textContent);

describe('SendEstimate', () => {
  it('shows each model’s estimated input tokens and input cost, marked as an estimate', async () => {
    render(<SendEstimate request={hello} models={['openai/gpt-4o', 'meta/llama:free', 'unknown/model']} />);
    // the first estimate waits for the tokenizer's tables to load
    await waitFor(() => expect(items()[0]).toBe('GPT-4o: ≈ 9 tokens in · ≈ $0.000023 input'), { timeout: 10_000 }); // 9 × $2.50/M = 22.5 µ$ → 23
    expect(items()[1]).toBe('Llama (free): ≈ 9 tokens in · free');
    expect(items()[2]).toBe('unknown/model: ≈ 9 tokens in · price unknown');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says a column with tools may take several steps, each billed', async () => {
    const tools = [{ type: 'function' as const, function: { name: 'echo', parameters: { type: 'object', properties: {} } } }];
    const { rerender } = render(<SendEstimate request={(_m, i) => (i === 0 ? { ...hello, tools } : hello)} models={['openai/gpt-4o', 'openai/gpt-4o']} />);
    // the tool's definition is part of the input the first column sends
    await waitFor(() => expect(items()[0]).toMatch(/^GPT-4o: ≈ \d+ tokens in · ≈ \$[\d.]+ input · with tools: up to 10 steps, each billed$/), { timeout: 10_000 });
    expect(items()[1]).toBe('GPT-4o: ≈ 9 tokens in · ≈ $0.000023 input');
    // The room's own step limit, by column.
    rerender(<SendEstimate request={hello} models={['openai/gpt-4o', 'openai/gpt-4o']} toolStepLimits={[4, null]} />);
    await waitFor(() => expect(items()).toEqual(['GPT-4o: ≈ 9 tokens in · ≈ $0.000023 input · with tools: up to 4 steps, each billed', 'GPT-4o: ≈ 9 tokens in · ≈ $0.000023 input']));
  });

  it('warns when the prompt plus the reserved answer does not fit a model’s context', async () => {
    const { rerender } = render(<SendEstimate request={hello} models={['tiny/model']} />);
    await waitFor(() => expect(items()[0]).toBe('Tiny: ≈ 9 tokens in · ≈ $0.000009 input'));
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<SendEstimate request={{ ...hello, max_tokens: 10 }} models={['tiny/model']} />);
    const alert = await screen.findByRole('alert', { name: 'Context window warnings' });
    expect(alert.textContent).toBe('≈ 9 tokens + 10 reserved for the answer exceed Tiny’s context window of 12 tokens: shorten the conversation or pick a model with a longer context.');
  });

  it('takes each model’s own request, and follows edits', async () => {
    const perColumn = (system: string) => (_m: string, i: number) =>
      i === 0 ? { messages: [{ role: 'system' as const, content: system }, ...hello.messages] } : hello;
    const { rerender } = render(<SendEstimate request={perColumn('Be brief.')} models={['openai/gpt-4o', 'openai/gpt-4o']} />);
    await waitFor(() => expect(items()).toEqual(['GPT-4o: ≈ 16 tokens in · ≈ $0.00004 input', 'GPT-4o: ≈ 9 tokens in · ≈ $0.000023 input']));
    rerender(<SendEstimate request={perColumn('Be brief. '.repeat(50).trim())} models={['openai/gpt-4o', 'openai/gpt-4o']} />);
    await waitFor(() => expect(items()[0]).not.toBe('GPT-4o: ≈ 16 tokens in · ≈ $0.00004 input'));
    expect(items()[0]).toMatch(/^GPT-4o: ≈ \d{3} tokens in/);
  });

  it('adds the answer’s cost: up to max_tokens, or the model’s typical answer length in the user’s history', async () => {
    render(<SendEstimate request={{ ...hello, max_tokens: 1000 }} models={['openai/gpt-4o']} />);
    // 1000 × $10/M = $0.01 at most
    await waitFor(() => expect(items()[0]).toBe('GPT-4o: ≈ 9 tokens in · ≈ $0.000023 input + $0.00–$0.01 output (up to max_tokens 1,000)'), { timeout: 10_000 });
  });
});
