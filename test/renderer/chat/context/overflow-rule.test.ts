import { describe, expect, it } from 'vitest';
import { fitContext, promptLimit } from '../../../../renderer/chat/context/overflow-rule';

// u a u a u a u (the last u is the prompt being sent), 10 tokens each, 5 fixed
const roles = ['user', 'assistant', 'user', 'assistant', 'user', 'assistant', 'user'] as const;
const perMessage = roles.map(() => 10);

describe('overflow rule', () => {
  it('sends everything when it fits, or when the window is unknown', () => {
    expect(fitContext({ roles, perMessage, fixed: 5, limit: 75 }, 'stop')).toEqual({ kind: 'fits', total: 75 });
    expect(fitContext({ roles, perMessage, fixed: 5, limit: null }, 'stop').kind).toBe('fits');
  });

  it('"stop" refuses with the figures', () => {
    expect(fitContext({ roles, perMessage, fixed: 5, limit: 74 }, 'stop')).toEqual({ kind: 'too-long', total: 75, limit: 74, reason: 'stop-chosen' });
  });

  it('"drop oldest" drops whole turns, oldest first, until it fits', () => {
    expect(fitContext({ roles, perMessage, fixed: 5, limit: 74 }, 'drop-oldest')).toEqual({ kind: 'dropped', keepFrom: 2, droppedTurns: 1, total: 55 });
    expect(fitContext({ roles, perMessage, fixed: 5, limit: 40 }, 'drop-oldest')).toEqual({ kind: 'dropped', keepFrom: 4, droppedTurns: 2, total: 35 });
  });

  it('a turn without an answer is one message; the prompt being sent is never dropped', () => {
    const r = ['user', 'user', 'assistant', 'user'] as const;
    expect(fitContext({ roles: r, perMessage: [10, 10, 10, 10], fixed: 0, limit: 25 }, 'drop-oldest')).toEqual({ kind: 'dropped', keepFrom: 3, droppedTurns: 2, total: 10 });
    expect(fitContext({ roles: r, perMessage: [10, 10, 10, 30], fixed: 0, limit: 25 }, 'drop-oldest')).toMatchObject({ kind: 'too-long', reason: 'prompt-alone' });
  });

  it('keeps max_tokens free for the answer', () => {
    expect(promptLimit(128_000, 8_000)).toBe(120_000);
    expect(promptLimit(128_000, undefined)).toBe(128_000);
    expect(promptLimit(null, 100)).toBeNull();
  });
});
