import { afterEach, describe, expect, it } from 'vitest';
import { MARKUP } from '../../../fakes/mcp/fake-tools';
import type { ChatMessage, ChatRequest } from '../../../../shared/openrouter/chat-request';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';
import { resolveOfferedTools } from '../../../../shared/tools/tool-selection';
import { runToolLoop, type StepOutcome } from '../../../../electron/tools/loop/tool-loop';
import { createRoomApprovals } from '../../../../electron/tools/loop/room-approvals';
import { RESULT_CAP_BYTES } from '../../../../electron/tools/mcp';
import { addConfirmedStdio, newManager } from '../mcp/support';

// Two columns' loops at once, one calling a hostile tool: that column gets a clear error in its card and the model
// is told; the other column's loop finishes normally; nothing is lost from either.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function model(tool: string) {
  const seen: ChatRequest[] = [];
  return {
    seen,
    step: async (req: ChatRequest): Promise<StepOutcome> => {
      seen.push(req);
      const rec = { costMicros: 10, tokens: null, durationMs: 1 } as unknown as GenerationRecord;
      if (seen.length === 1) return { text: '', toolCalls: [{ id: 'c', name: tool, arguments: '{"text":"ok"}' }], record: rec, error: null };
      const told = (req.messages as ChatMessage[]).find((m) => m.role === 'tool')!.content as string;
      return { text: `told ${told.length} chars: ${told.slice(0, 80)}`, toolCalls: [], record: rec, error: null };
    },
  };
}

describe('tool loops against a hostile MCP server', () => {
  it.each([
    ['flood', (text: string) => expect(text).toMatch(/^told \d+ chars: x+/)],
    ['crash', (text: string) => expect(text).toMatch(/The tool call failed: .*crash/)],
    ['garble', (text: string) => expect(text).toMatch(/The tool call failed/)],
    ['markup', (text: string) => expect(text).toContain('<script>')],
  ])('%s: that column ends with the outcome stated; the other column finishes', async (mode, check) => {
    const m = newManager();
    cleanups.push(() => m.manager.close());
    const hostile = await m.manager.start((await addConfirmedStdio(m.manager, 'Hostile')).id);
    const good = await m.manager.start((await addConfirmedStdio(m.manager, 'Good')).id);
    expect([hostile.status, good.status]).toEqual(['ready', 'ready']);
    const deps = (mod: ReturnType<typeof model>) => ({ step: mod.step, callTool: m.manager.callTool, approve: async () => 'once' as const, approvals: createRoomApprovals() });
    const bad = model(mode);
    const fine = model('echo');
    const [badResult, fineResult] = await Promise.all([
      runToolLoop({ model: 'a', messages: [{ role: 'user', content: 'x' }] }, resolveOfferedTools({ servers: [hostile.id], tools: [] }, [hostile]), { conversationId: 'r', signal: new AbortController().signal }, deps(bad)),
      runToolLoop({ model: 'b', messages: [{ role: 'user', content: 'x' }] }, resolveOfferedTools({ servers: [good.id], tools: [] }, [good]), { conversationId: 'r', signal: new AbortController().signal }, deps(fine)),
    ]);
    expect(fineResult.status).toBe('done');
    expect(fineResult.steps[1]!.text).toMatch(/stdio-fake: ok/);
    expect(badResult.status).toBe('done');
    expect(badResult.steps).toHaveLength(2);
    check(badResult.steps[1]!.text);
    const card = badResult.steps[0]!.calls[0]!;
    if (mode === 'flood') {
      expect(card.result).toMatchObject({ truncated: true, fullBytes: 10 * 1024 * 1024 });
      const told = (bad.seen[1]!.messages as ChatMessage[]).find((x) => x.role === 'tool')!.content as string;
      expect(Buffer.byteLength(told)).toBeLessThanOrEqual(RESULT_CAP_BYTES + 200);
      expect(told).toMatch(/Truncated: the tool returned 10\.0 MB/);
    } else if (mode === 'markup') {
      expect(card.result?.text).toBe(MARKUP); // kept as inert text, for the sanitizer that renders answers
    } else {
      expect(card.error).toMatch(/Hostile/);
    }
  });
});
