import { describe, expect, it } from 'vitest';
import { chatMessageSchema } from '../../../../shared/openrouter/chat-request';
import type { OfferedTool } from '../../../../shared/tools/tool-selection';
import { nextStepMessages, planToolCalls, toolMessageText } from '../../../../electron/tools/loop/tool-step';
import { createRoomApprovals } from '../../../../electron/tools/loop/room-approvals';

const offered: OfferedTool[] = [
  { functionName: 'read', serverId: 'files', serverName: 'Files', tool: 'read', inputSchema: { type: 'object' } },
  { functionName: 'read_2', serverId: 'web', serverName: 'Web', tool: 'read', inputSchema: { type: 'object' } },
];

describe('planning a step’s tool calls', () => {
  const approvals = createRoomApprovals();
  const allowed = (conv: string) => (server: string, tool: string) => approvals.isAllowed(conv, server, tool);

  it('maps each call to its server and tool, keeping the exact argument text for the card', () => {
    const args = '{"path": "/tmp/a.txt"}';
    const [call] = planToolCalls([{ id: 'c1', name: 'read_2', arguments: args }], offered, allowed('room'));
    expect(call).toMatchObject({ kind: 'callable', serverId: 'web', serverName: 'Web', tool: 'read', argumentsText: args });
    expect(call?.kind === 'callable' && call.arguments).toEqual({ path: '/tmp/a.txt' });
    expect(call?.kind === 'callable' && call.preApproved).toBe(false);
  });

  it('refuses calls to tools not offered and arguments that are not a JSON object, without running them', () => {
    const plan = planToolCalls(
      [
        { id: 'a', name: 'rm_rf', arguments: '{}' },
        { id: 'b', name: 'read', arguments: '{"path": ' },
        { id: 'c', name: 'read', arguments: '[1]' },
        { id: '', name: 'read', arguments: '' },
      ],
      offered,
      allowed('room'),
    );
    expect(plan.map((p) => p.kind)).toEqual(['invalid', 'invalid', 'invalid', 'callable']);
    expect(plan[0]?.kind === 'invalid' && plan[0].reason).toMatch(/not offered/);
    expect(plan[1]?.kind === 'invalid' && plan[1].reason).toMatch(/not valid JSON/);
    expect(plan[3]).toMatchObject({ callId: 'call_3', arguments: {} });
  });

  it('pre-approves only a tool the user chose to always allow, and only in that room', () => {
    approvals.allowAlways('room-1', 'files', 'read');
    const calls = [
      { id: 'a', name: 'read', arguments: '{}' },
      { id: 'b', name: 'read_2', arguments: '{}' },
    ];
    const inRoom = planToolCalls(calls, offered, allowed('room-1'));
    expect(inRoom.map((p) => p.kind === 'callable' && p.preApproved)).toEqual([true, false]);
    const otherRoom = planToolCalls(calls, offered, allowed('room-2'));
    expect(otherRoom.map((p) => p.kind === 'callable' && p.preApproved)).toEqual([false, false]);
    approvals.forget('room-1');
    expect(approvals.isAllowed('room-1', 'files', 'read')).toBe(false);
  });
});

describe('the next step’s messages', () => {
  it('carries the calls and one tool message per call, telling the model what was denied', () => {
    const calls = [
      { id: 'c1', name: 'read', arguments: '{"path":"a"}' },
      { id: 'c2', name: 'read_2', arguments: '{"path":"b"}' },
    ];
    const msgs = nextStepMessages('Let me look.', calls, [{ kind: 'result', text: 'hello', isError: false }, { kind: 'denied' }]);
    for (const m of msgs) chatMessageSchema.parse(m);
    expect(msgs[0]).toMatchObject({ role: 'assistant', content: 'Let me look.', tool_calls: [{ id: 'c1' }, { id: 'c2' }] });
    expect(msgs[1]).toEqual({ role: 'tool', tool_call_id: 'c1', content: 'hello' });
    expect(msgs[2]).toMatchObject({ role: 'tool', tool_call_id: 'c2' });
    expect(msgs[2]?.content).toMatch(/user denied/);
  });

  it('words errors, refusals and failures for the model', () => {
    expect(toolMessageText({ kind: 'result', text: 'no such file', isError: true })).toMatch(/reported an error: no such file/);
    expect(toolMessageText({ kind: 'invalid', reason: 'The arguments are not valid JSON.' })).toMatch(/not run.*not valid JSON/);
    expect(toolMessageText({ kind: 'failed', message: 'the server exited' })).toMatch(/failed: the server exited/);
    expect(() => nextStepMessages('', [{ id: 'a', name: 'read', arguments: '{}' }], [])).toThrow();
    expect(nextStepMessages('', [{ id: 'a', name: 'read', arguments: '{}' }], [{ kind: 'denied' }])[0]).toMatchObject({ content: null });
  });
});
