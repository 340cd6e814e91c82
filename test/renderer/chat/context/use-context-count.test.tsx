import { beforeEach, describe, expect, it } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { countContext, forgetContextCounts } from '../../../../renderer/chat/context/context-count';
import { COUNT_IN_RENDER, useContextCount } from '../../../../renderer/chat/context/use-context-count';
import type { MessageRow } from '../../../../renderer/common/room/types';

const row = (i: number): MessageRow =>
  ({ id: `m${i}`, conversationId: 'c', role: i % 2 ? 'assistant' : 'user', content: `message ${i}: some words to count, more words after them.`, createdAt: i, seq: i, parentId: null }) as unknown as MessageRow;
const history = (n: number) => Array.from({ length: n }, (_, i) => row(i));

beforeEach(() => forgetContextCounts());

describe('a column meter’s count', () => {
  it('counts a short new history during the render', () => {
    const h = history(COUNT_IN_RENDER);
    const { result } = renderHook(() => useContextCount('openai/gpt-4o', undefined, h));
    expect(result.current?.total).toBe(countContext({ model: 'openai/gpt-4o', history: h }).total);
  });

  it('has no figure for a long history never counted, then the same figure once it was counted in slices', async () => {
    const h = history(COUNT_IN_RENDER * 4);
    const { result } = renderHook(() => useContextCount('openai/gpt-4o', 'Be brief.', h));
    expect(result.current).toBeNull();
    await waitFor(() => expect(result.current).not.toBeNull());
    expect(result.current!.total).toBe(countContext({ model: 'openai/gpt-4o', systemPrompt: 'Be brief.', history: h }).total);
  });

  it('counts in the render again once the history is remembered: one new answer after a long room', async () => {
    const h = history(COUNT_IN_RENDER * 4);
    const first = renderHook(() => useContextCount('openai/gpt-4o', undefined, h));
    await waitFor(() => expect(first.result.current).not.toBeNull());
    const longer = [...h, row(h.length)];
    const { result } = renderHook(() => useContextCount('openai/gpt-4o', undefined, longer));
    expect(result.current?.total).toBe(countContext({ model: 'openai/gpt-4o', history: longer }).total);
  });
});
