import type { ChatMessage, ChatRequest } from '../../../shared/openrouter/chat-request';
import type { GenerationRecord } from '../../../shared/openrouter/generation';
import type { McpCallResult } from '../../../shared/contract/mcp';
import type { OfferedTool } from '../../../shared/tools/tool-selection';
import { toChatTools } from '../../../shared/tools/tool-selection';
import { nextStepMessages, planToolCalls, type CallOutcome, type PlannedCall, type StreamedToolCall } from './tool-step';
import type { RoomApprovals } from './room-approvals';
import { sumLoopSteps, type LoopTotals } from './loop-cost';
import { DEFAULT_TOOL_STEP_LIMIT } from '../../../shared/tools/step-limit';
import type { ApprovalChoice, LoopStep, ToolCallRecord } from '../../../shared/tools/tool-steps';

// A column's tool loop: model step → its tool calls → approval → MCP call → next model step, until the model
// answers without calls, fails, is stopped, or reaches the step limit. Nothing here knows about windows: approvals
// are asked through `approve`, which main keeps pending until a renderer answers (or the loop is stopped).

export const DEFAULT_STEP_LIMIT = DEFAULT_TOOL_STEP_LIMIT;

export interface StepOutcome {
  text: string;
  toolCalls: StreamedToolCall[];
  record: GenerationRecord | null;
  error: { code: number; message: string } | null;
  /** The step's `reasoning_details`, sent back with its calls in the next step. */
  reasoningDetails?: Record<string, unknown>[];
}

export type CallableCall = Extract<PlannedCall, { kind: 'callable' }>;
export type { ApprovalChoice, LoopStep, ToolCallRecord };

export interface LoopResult {
  status: 'done' | 'error' | 'stopped' | 'step-limit';
  error: { code: number; message: string } | null;
  steps: LoopStep[];
  totals: LoopTotals;
}

export interface ToolLoopDeps {
  step(request: ChatRequest, signal: AbortSignal): Promise<StepOutcome>;
  callTool(serverId: string, tool: string, args: Record<string, unknown>, opts: { signal: AbortSignal }): Promise<McpCallResult>;
  approve(call: CallableCall, signal: AbortSignal): Promise<ApprovalChoice>;
  approvals: RoomApprovals;
  /** Each change to a step's calls (a card appears, is decided, gets its result). */
  onCalls?(stepIndex: number, calls: readonly ToolCallRecord[]): void;
}

export async function runToolLoop(
  request: ChatRequest & { messages: ChatMessage[] },
  offered: readonly OfferedTool[],
  ctx: { conversationId: string; stepLimit?: number; signal: AbortSignal },
  deps: ToolLoopDeps,
): Promise<LoopResult> {
  const limit = Math.max(1, ctx.stepLimit ?? DEFAULT_STEP_LIMIT);
  const messages = [...request.messages];
  const tools = offered.length > 0 ? toChatTools(offered) : undefined;
  const steps: LoopStep[] = [];
  const finish = (status: LoopResult['status'], error: LoopResult['error'] = null): LoopResult => ({
    status,
    error,
    steps,
    totals: sumLoopSteps(steps.flatMap((s) => (s.record ? [s.record] : []))),
  });

  for (let i = 0; i < limit; i++) {
    if (ctx.signal.aborted) return finish('stopped');
    const out = await deps.step({ ...request, messages, ...(tools ? { tools } : {}) }, ctx.signal);
    const step: LoopStep = { text: out.text, record: out.record, calls: [] };
    steps.push(step);
    if (ctx.signal.aborted) return finish('stopped');
    if (out.error) return finish('error', out.error);
    if (out.toolCalls.length === 0) return finish('done');
    if (i === limit - 1) break;

    const plan = planToolCalls(out.toolCalls, offered, (server, tool) => deps.approvals.isAllowed(ctx.conversationId, server, tool));
    step.calls = plan.map(initialRecord);
    deps.onCalls?.(i, step.calls);
    const update = (k: number, patch: Partial<ToolCallRecord>) => {
      step.calls[k] = { ...step.calls[k]!, ...patch };
      deps.onCalls?.(i, step.calls);
    };
    // Parallel calls of one step are asked and run together; each settles on its own.
    const outcomes = await Promise.all(plan.map((call, k) => runCall(call, k, update)));
    if (ctx.signal.aborted) return finish('stopped');
    messages.push(...nextStepMessages(out.text, out.toolCalls, outcomes, out.reasoningDetails));
  }
  return finish('step-limit', { code: 400, message: `Stopped after ${limit} step${limit === 1 ? '' : 's'} (the tool step limit).` });

  async function runCall(call: PlannedCall, k: number, update: (k: number, p: Partial<ToolCallRecord>) => void): Promise<CallOutcome> {
    if (call.kind === 'invalid') return { kind: 'invalid', reason: call.reason };
    let decision: ToolCallRecord['decision'] = 'pre-approved';
    if (!call.preApproved) {
      const choice = await deps.approve(call, ctx.signal).catch((): ApprovalChoice => 'deny');
      if (ctx.signal.aborted) {
        update(k, { decision: 'stopped', error: 'Stopped before it ran.' });
        return { kind: 'failed', message: 'stopped' };
      }
      if (choice === 'deny') {
        update(k, { decision: 'denied', error: 'Denied by the user.' });
        return { kind: 'denied' };
      }
      if (choice === 'always') deps.approvals.allowAlways(ctx.conversationId, call.serverId, call.tool);
      decision = choice === 'always' ? 'always-allowed' : 'allowed-once';
    }
    update(k, { decision });
    try {
      const result = await deps.callTool(call.serverId, call.tool, call.arguments, { signal: ctx.signal });
      update(k, { result });
      return { kind: 'result', text: result.text, isError: result.isError };
    } catch (err) {
      const message = (err as Error)?.message ?? 'unknown error';
      update(k, { error: message });
      return { kind: 'failed', message };
    }
  }
}

function initialRecord(call: PlannedCall): ToolCallRecord {
  if (call.kind === 'invalid') {
    return { callId: call.callId, functionName: call.functionName, serverId: null, serverName: null, tool: null, argumentsText: call.argumentsText, decision: 'invalid', result: null, error: call.reason };
  }
  return {
    callId: call.callId,
    functionName: call.functionName,
    serverId: call.serverId,
    serverName: call.serverName,
    tool: call.tool,
    argumentsText: call.argumentsText,
    decision: call.preApproved ? 'pre-approved' : 'pending',
    result: null,
    error: null,
  };
}
