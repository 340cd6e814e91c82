import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { GenerationRecord } from '../../../shared/openrouter/generation';
import type { McpCallResult } from '../../../shared/contract/mcp';
import type { ApprovalChoice, ChatToolsInput, LoopStep } from '../../../shared/tools/tool-steps';
import type { EngineEvent } from '../../engine';
import { runToolLoop } from '../../tools/loop/tool-loop';
import type { RoomApprovals } from '../../tools/loop/room-approvals';
import type { ChatEngine } from './chat-engine';
import type { LiveStream } from './stream-manager';

/** What main gives a column's tool loop: MCP calls and the room-wide "always allow" choices. */
export interface ToolLoopHost {
  callTool(serverId: string, tool: string, args: Record<string, unknown>, opts: { signal: AbortSignal }): Promise<McpCallResult>;
  approvals: RoomApprovals;
  /** The step limit in Settings → Tools, read when a loop starts (a `stepLimit` sent with the stream wins). */
  stepLimit?: () => number;
}

/** Runs a stream as a tool loop: every model step streams into the same snapshot (text accumulates), each step is
 * kept in `snapshot.toolSteps` with its own record, and approval cards wait in `approvals` until the user answers. */
export async function runColumnToolLoop(
  live: LiveStream,
  request: ChatRequest,
  tools: ChatToolsInput,
  ctx: {
    engine: ChatEngine;
    host: ToolLoopHost;
    onEvent: (ev: EngineEvent) => void;
    approvals: Map<string, (choice: ApprovalChoice) => void>;
    changed: (toolSteps: LoopStep[]) => void;
  },
): Promise<{ record: GenerationRecord | null; error: { code: number; message: string } | null }> {
  const s = live.snapshot;
  const steps: LoopStep[] = (s.toolSteps = []);
  const signal = live.controller.signal;
  const publish = () => ctx.changed(structuredClone(steps));
  const stepLimit = tools.stepLimit ?? ctx.host.stepLimit?.();

  const result = await runToolLoop(
    request,
    tools.offered,
    { conversationId: s.meta.conversationId, signal, ...(stepLimit ? { stepLimit } : {}) },
    {
      async step(req, stepSignal) {
        s.toolCalls = [];
        const before = s.text.length;
        const reasoningDetails: Record<string, unknown>[] = [];
        const onEvent = (ev: EngineEvent) => {
          if (ev.type === 'reasoning_details') reasoningDetails.push(...ev.details);
          ctx.onEvent(ev);
        };
        const out = await ctx.engine.chat({ ...req, stream: true }, { signal: stepSignal, onEvent, source: 'app' });
        const text = s.text.slice(before);
        steps.push({ text, record: out.record, calls: [] });
        publish();
        const error = out.error ? { code: out.error.error.code, message: out.error.error.message } : s.error;
        return { text, toolCalls: s.toolCalls.filter((c) => c.name !== ''), record: out.record, error, reasoningDetails };
      },
      callTool: ctx.host.callTool,
      approve: (call, approveSignal) =>
        new Promise<ApprovalChoice>((resolve) => {
          ctx.approvals.set(call.callId, resolve);
          approveSignal.addEventListener('abort', () => {
            ctx.approvals.delete(call.callId);
            resolve('deny');
          }, { once: true });
        }),
      approvals: ctx.host.approvals,
      onCalls(i, calls) {
        const step = steps[i];
        if (!step) return;
        step.calls = structuredClone([...calls]);
        publish();
      },
    },
  );
  const last = [...result.steps].reverse().find((st) => st.record)?.record ?? null;
  return { record: last, error: result.error };
}
