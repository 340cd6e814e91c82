import type { ChatMessage } from '../../../shared/openrouter/chat-request';
import type { LoopStep, ToolCallRecord } from '../../../shared/tools/tool-steps';
import type { MessageRow } from '../../common/room/types';

// A stored tool loop sent back as the next turn's context, in the OpenAI / OpenRouter shape (the engine translates
// it per provider): each step with calls is an assistant message carrying them, then one `tool` message per call
// with what the model was told then; the last step's text is the answer's closing assistant message.

/** What the model read as a call's answer (the same words main's loop sent). */
export function toolReplyText(call: ToolCallRecord): string {
  if (call.decision === 'denied') return 'The user denied this tool call. It was not run.';
  if (call.decision === 'invalid') return `This tool call was not run: ${call.error ?? 'it was invalid.'}`;
  if (call.result) return call.result.isError ? `The tool reported an error: ${call.result.text}` : call.result.text;
  return `The tool call failed: ${call.error ?? 'it did not finish.'}`;
}

function stepMessages(step: LoopStep): ChatMessage[] {
  if (step.calls.length === 0) return step.text ? [{ role: 'assistant', content: step.text }] : [];
  return [
    {
      role: 'assistant',
      content: step.text === '' ? null : step.text,
      tool_calls: step.calls.map((c) => ({ id: c.callId, type: 'function' as const, function: { name: c.functionName, arguments: c.argumentsText } })),
    },
    ...step.calls.map((c): ChatMessage => ({ role: 'tool', tool_call_id: c.callId, content: toolReplyText(c) })),
  ];
}

/** An answer as context: its tool loop step by step, or its text when it ran none. */
export function answerMessages(m: Pick<MessageRow, 'content' | 'toolSteps'>): ChatMessage[] {
  const steps = m.toolSteps ?? [];
  if (!steps.some((s) => s.calls.length > 0)) return [{ role: 'assistant', content: m.content }];
  const out = steps.flatMap(stepMessages);
  // a loop that ended on calls (stopped, step limit) still needs an assistant turn before the next prompt
  if (out[out.length - 1]?.role === 'tool') out.push({ role: 'assistant', content: m.content.slice(steps.reduce((n, s) => n + s.text.length, 0)) || '(no answer)' });
  return out;
}
