import type { ChatCompletionChunk, ChunkChoice } from '../../../shared/openrouter/chat-response';
import type { EngineEvent, EngineEventSink } from '../stream-events';

// The HTTP edge: engine events → OpenRouter `chat.completion.chunk`s (docs/openrouter-api.md, streaming). The
// first delta carries `role: "assistant"`; a mid-stream error is a chunk with a top-level `error` and a
// terminating choice; usage comes last on a chunk with empty `choices`.

export type ChunkSink = (chunk: ChatCompletionChunk) => void | Promise<void>;

export function openRouterChunks(sink: ChunkSink): EngineEventSink {
  let head: Pick<ChatCompletionChunk, 'id' | 'object' | 'created' | 'model' | 'provider'> | null = null;
  let firstDelta = true;

  const chunk = (choices: ChunkChoice[]): ChatCompletionChunk => ({ ...head!, choices });
  const delta = (d: ChunkChoice['delta']): ChatCompletionChunk => {
    if (firstDelta) {
      firstDelta = false;
      d = { role: 'assistant', ...d };
    }
    return chunk([{ index: 0, delta: d, finish_reason: null, native_finish_reason: null }]);
  };

  return (ev: EngineEvent) => {
    if (ev.type === 'start') {
      head = { id: ev.id, object: 'chat.completion.chunk', created: ev.created, model: ev.model, provider: ev.provider };
      return;
    }
    if (!head) return; // events always follow a start; nothing to frame without one
    switch (ev.type) {
      case 'text':
        return sink(delta({ content: ev.text }));
      case 'reasoning':
        return sink(delta({ reasoning: ev.text }));
      case 'reasoning_details':
        return sink(delta({ reasoning_details: ev.details }));
      case 'tool_call': {
        const fn: { name?: string; arguments?: string } = {};
        if (ev.name) fn.name = ev.name;
        if (ev.argumentsDelta !== undefined) fn.arguments = ev.argumentsDelta;
        return sink(delta({ tool_calls: [{ index: ev.index, ...(ev.id ? { id: ev.id, type: 'function' as const } : {}), function: fn }] }));
      }
      case 'finish': {
        const d: ChunkChoice['delta'] = firstDelta ? { role: 'assistant', content: '' } : {};
        firstDelta = false;
        return sink(chunk([{ index: 0, delta: d, finish_reason: ev.reason, native_finish_reason: ev.native }]));
      }
      case 'error':
        return sink({ ...chunk([{ index: 0, delta: { content: '' }, finish_reason: 'error', native_finish_reason: null }]), error: ev.error });
      case 'usage':
        return sink({ ...chunk([]), usage: ev.usage });
    }
  };
}
