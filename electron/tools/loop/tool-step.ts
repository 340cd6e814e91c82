import type { ChatMessage } from '../../../shared/openrouter/chat-request';
import type { OfferedTool } from '../../../shared/tools/tool-selection';
import { findOfferedTool } from '../../../shared/tools/tool-selection';

// One step of a column's tool loop, between two model requests: the model's tool calls are matched to the tools
// the column offered and their arguments parsed; each call then waits for approval, runs, is denied, or is refused
// as invalid; and the next request carries the assistant's calls and one tool message per call.

export interface StreamedToolCall {
  id: string;
  name: string;
  arguments: string;
}

export type PlannedCall =
  | {
      kind: 'callable';
      callId: string;
      functionName: string;
      serverId: string;
      serverName: string;
      tool: string;
      /** Exactly what the model sent: what the approval card shows. */
      argumentsText: string;
      arguments: Record<string, unknown>;
      /** "Always allow this tool in this room" was chosen before: runs without asking (its card is still shown). */
      preApproved: boolean;
    }
  | { kind: 'invalid'; callId: string; functionName: string; argumentsText: string; reason: string };

export function planToolCalls(
  calls: readonly StreamedToolCall[],
  offered: readonly OfferedTool[],
  alwaysAllowed: (serverId: string, tool: string) => boolean,
): PlannedCall[] {
  return calls.map((call, i) => {
    const callId = call.id || `call_${i}`;
    const base = { callId, functionName: call.name, argumentsText: call.arguments };
    const tool = findOfferedTool(offered, call.name);
    if (!tool) return { kind: 'invalid', ...base, reason: `The tool "${call.name}" was not offered.` };
    const parsed = parseArguments(call.arguments);
    if (typeof parsed === 'string') return { kind: 'invalid', ...base, reason: parsed };
    return {
      kind: 'callable',
      ...base,
      serverId: tool.serverId,
      serverName: tool.serverName,
      tool: tool.tool,
      arguments: parsed,
      preApproved: alwaysAllowed(tool.serverId, tool.tool),
    };
  });
}

/** The arguments object, or why it is not one. An empty string is `{}` (some models send nothing for no args). */
function parseArguments(text: string): Record<string, unknown> | string {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'The arguments are not valid JSON.';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'The arguments are not a JSON object.';
  return value as Record<string, unknown>;
}

export type CallOutcome =
  | { kind: 'result'; text: string; isError: boolean }
  | { kind: 'denied' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'failed'; message: string };

/** What the model reads as the tool's answer. */
export function toolMessageText(outcome: CallOutcome): string {
  switch (outcome.kind) {
    case 'result':
      return outcome.isError ? `The tool reported an error: ${outcome.text}` : outcome.text;
    case 'denied':
      return 'The user denied this tool call. It was not run.';
    case 'invalid':
      return `This tool call was not run: ${outcome.reason}`;
    case 'failed':
      return `The tool call failed: ${outcome.message}`;
  }
}

/** The messages appended for the next model step: the assistant's turn with its calls, then one answer per call.
 * `reasoningDetails` (the step's signed thinking, Gemini's thought signatures) go back with the calls: Anthropic
 * with thinking on, and Gemini 3, refuse a tool-call turn without them. */
export function nextStepMessages(
  assistantText: string,
  calls: readonly StreamedToolCall[],
  outcomes: readonly CallOutcome[],
  reasoningDetails: readonly Record<string, unknown>[] = [],
): ChatMessage[] {
  if (outcomes.length !== calls.length) throw new Error('Every tool call needs an outcome');
  const ids = calls.map((c, i) => c.id || `call_${i}`);
  return [
    {
      role: 'assistant',
      content: assistantText === '' ? null : assistantText,
      tool_calls: calls.map((c, i) => ({ id: ids[i]!, type: 'function' as const, function: { name: c.name, arguments: c.arguments } })),
      ...(reasoningDetails.length > 0 ? { reasoning_details: [...reasoningDetails] } : {}),
    },
    ...outcomes.map((o, i) => ({ role: 'tool' as const, tool_call_id: ids[i]!, content: toolMessageText(o) })),
  ];
}
