import type { ChatEngine } from '../../../electron/backend/chat/chat-engine';
import type { GenerationRecord } from '../../../shared/openrouter/generation';

// A scripted model for the tool-loop bench: every step streams `tokensPerStep` words at `tokensPerSecond`, then
// asks for the `echo` tool (its arguments in two pieces) until `steps` steps were taken; the last step only answers.
// A prompt containing "[plain]" gets the same words in one step without any tool call (the baseline).

export function createToolLoopEngine(opts: { steps: number; tokensPerStep: number; tokensPerSecond: number }): { engine: ChatEngine; requests: () => number } {
  let n = 0;
  const engine: ChatEngine = {
    async chat(request, { signal, onEvent }) {
      const id = `gen-loop-${++n}`;
      const startedAt = Date.now();
      const model = request.model ?? 'bench/model';
      const plain = JSON.stringify(request.messages.at(-1)?.content ?? '').includes('[plain]');
      const step = plain ? opts.steps : request.messages.filter((m) => m.role === 'tool').length + 1;
      const words = plain ? opts.steps * opts.tokensPerStep : opts.tokensPerStep;
      await onEvent({ type: 'start', id, created: Math.floor(startedAt / 1000), model, provider: 'BenchProvider' });
      for (let i = 0; i < words && !signal.aborted; i++) {
        await new Promise((r) => setTimeout(r, 1000 / opts.tokensPerSecond));
        await onEvent({ type: 'text', text: (i + 1) % opts.tokensPerStep === 0 ? `step ${Math.ceil((i + 1) / opts.tokensPerStep)} done.\n\n` : `word${i} ` });
      }
      const last = step >= opts.steps;
      if (!last && !signal.aborted) {
        await onEvent({ type: 'tool_call', index: 0, id: `call-${n}`, name: 'echo', argumentsDelta: '{"text":' });
        await onEvent({ type: 'tool_call', index: 0, argumentsDelta: `"step ${step} of ${model}"}` });
      }
      const cost = 100 + words;
      const record: GenerationRecord = {
        id, createdAt: startedAt, requestedModel: model, model, upstreamId: 'bench', upstreamKind: 'openrouter', provider: 'BenchProvider', attempts: [],
        tokens: { prompt: JSON.stringify(request.messages).length >> 2, completion: words, cacheRead: 0, cacheWrite: 0, reasoning: 0 },
        costMicros: cost, reportedCostMicros: cost, costSource: 'upstream', ttftMs: 10, durationMs: Date.now() - startedAt, tokensPerSecond: opts.tokensPerSecond,
        finishReason: last ? 'stop' : 'tool_calls', nativeFinishReason: last ? 'stop' : 'tool_calls', isByok: false, streamed: true, cancelled: signal.aborted,
        fallbackUsed: false, source: 'app',
      };
      return { record };
    },
  };
  return { engine, requests: () => n };
}
