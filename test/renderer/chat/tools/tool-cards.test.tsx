import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { LoopStep, ToolCallRecord } from '../../../../shared/tools/tool-steps';
import { ToolLoopView } from '../../../../renderer/chat/tools/ToolLoopView';
import { makeRecord } from '../../support/generation-records';

// The cards of a tool loop in an answer: each step's text, its calls together, the approval buttons while a call
// waits (they answer main's chat.approveTool), results folded, long ones cut with "Show all", hostile markup inert.

const invoked: { route: string; input: unknown }[] = [];
let accept = true;
beforeEach(() => {
  window.parley = {
    invoke: (async (route: string, input: unknown) => {
      invoked.push({ route, input });
      return { ok: true, value: { accepted: accept } };
    }) as never,
    subscribe: () => () => {},
  };
});
afterEach(() => {
  cleanup();
  invoked.length = 0;
  accept = true;
});

const call = (over: Partial<ToolCallRecord>): ToolCallRecord => ({
  callId: 'c1', functionName: 'get_weather', serverId: 'weather', serverName: 'Weather', tool: 'get_weather',
  argumentsText: '{"city":"Brest","days":2}', decision: 'pending', result: null, error: null, ...over,
});
const result = (text: string, over: Partial<{ isError: boolean; truncated: boolean; fullBytes: number }> = {}) => ({
  text, isError: false, truncated: false, fullBytes: new TextEncoder().encode(text).length, durationMs: 12, ...over,
});

describe('ToolLoopView', () => {
  it('shows a step text, then its parallel calls in one group, with the exact arguments and approval buttons that answer main', async () => {
    const steps: LoopStep[] = [
      {
        text: 'Let me look that up.',
        record: makeRecord({ id: 'gen-1' }),
        calls: [call({}), call({ callId: 'c2', functionName: 'get_tide', tool: 'get_tide', argumentsText: '{"port":"Brest"}' })],
      },
    ];
    render(<ToolLoopView steps={steps} text={'Let me look that up.'} streaming streamId="stream_123456" />);
    expect(screen.getByText('Let me look that up.')).toBeTruthy();
    const group = screen.getByRole('group', { name: 'Step 1: 2 tool calls' });
    const cards = within(group).getAllByRole('region');
    expect(cards.map((c) => c.getAttribute('aria-label'))).toEqual(['Tool call get_weather on Weather', 'Tool call get_tide on Weather']);
    expect(within(cards[0]!).getByLabelText('Arguments of get_weather').textContent).toBe('{\n  "city": "Brest",\n  "days": 2\n}');
    fireEvent.click(screen.getByRole('button', { name: 'Allow get_weather once' }));
    fireEvent.click(screen.getByRole('button', { name: 'Deny get_tide' }));
    await waitFor(() => expect(invoked).toHaveLength(2));
    expect(invoked).toEqual([
      { route: 'chat.approveTool', input: { streamId: 'stream_123456', callId: 'c1', choice: 'once' } },
      { route: 'chat.approveTool', input: { streamId: 'stream_123456', callId: 'c2', choice: 'deny' } },
    ]);
    expect(screen.getByRole('button', { name: 'Always allow get_weather in this room' })).toBeTruthy();
  });

  it('says when an approval was no longer waiting', async () => {
    accept = false;
    render(<ToolLoopView steps={[{ text: '', record: null, calls: [call({})] }]} text="" streaming streamId="stream_123456" />);
    fireEvent.click(screen.getByRole('button', { name: 'Always allow get_weather in this room' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This call is no longer waiting.');
  });

  it('shows results folded and inert, long ones cut with Show all, a truncated one with its full size, and denials and failures in words', () => {
    const long = 'x'.repeat(5_000);
    const steps: LoopStep[] = [
      {
        text: '',
        record: null,
        calls: [
          call({ decision: 'allowed-once', result: result('<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> **sunny**') }),
          call({ callId: 'c2', decision: 'denied', error: 'Denied by the user.' }),
          call({ callId: 'c3', decision: 'pre-approved', error: 'it did not answer within 60 s' }),
          call({ callId: 'c4', functionName: 'big', tool: 'big', decision: 'allowed-once', result: result(long, { truncated: true, fullBytes: 10 * 1024 * 1024 }) }),
        ],
      },
      { text: 'It is sunny.', record: null, calls: [] },
    ];
    render(<ToolLoopView steps={steps} text="It is sunny." streaming={false} streamId={null} />);
    expect(screen.queryByRole('button', { name: /Allow/ })).toBeNull();
    expect(screen.getAllByRole('region', { name: 'Tool call get_weather on Weather' })).toHaveLength(3);
    const details = screen.getAllByText('Result')[0]!.closest('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('img, script')).toBeNull();
    expect(details.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    expect(details.querySelector('strong')?.textContent).toBe('sunny');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    expect(screen.getByText('Denied: the tool was not run.')).toBeTruthy();
    expect(screen.getByText('Failed: it did not answer within 60 s')).toBeTruthy();
    expect(screen.getByText('The tool returned 10 MB; only the first 4.9 KB is kept.')).toBeTruthy();
    const show = screen.getByRole('button', { name: 'Show all of the result of big' });
    const box = show.closest('details')!.querySelector('.tool-result-text')!;
    expect(box.textContent!.length).toBe(2_000);
    fireEvent.click(show);
    expect(box.textContent!.length).toBe(5_000);
    expect(screen.getByText('It is sunny.')).toBeTruthy();
  });
});
