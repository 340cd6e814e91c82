import type { ProviderAdapter, NormalizedEvent, UpstreamConfig } from '../../../../electron/engine/types';
import type { UpstreamKind } from '../../../../shared/openrouter/generation';

// A trivial wire format for engine tests: POST {baseUrl}/chat with the adapter request as JSON; the response is
// one JSON NormalizedEvent per line, then `[DONE]`. A stream that ends without `finish` or `error` is reported as truncated,
// as the adapter contract requires.

export function mockAdapter(kind: UpstreamKind): ProviderAdapter {
  return {
    kind,
    buildRequest({ upstream, model, body, stream }) {
      return {
        url: `${upstream.baseUrl}/chat`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(upstream.apiKey ? { authorization: `Bearer ${upstream.apiKey}` } : {}) },
        body: JSON.stringify({ model, stream, body }),
      };
    },
    async *parseStream(body) {
      const decoder = new TextDecoder();
      let buf = '';
      let terminal = false;
      for await (const bytes of body) {
        buf += decoder.decode(bytes, { stream: true });
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (!line.trim()) continue;
          if (line === '[DONE]') return; // like a real wire's terminator: stop without waiting for EOF
          const ev = JSON.parse(line) as NormalizedEvent;
          if (ev.type === 'finish' || ev.type === 'error') terminal = true;
          yield ev;
        }
      }
      if (!terminal) yield { type: 'error', code: 502, message: 'stream ended without a terminal event' };
    },
    parseResponse() {
      throw new Error('not used');
    },
  };
}

export const mockAdapterFor = (kind: UpstreamKind) => mockAdapter(kind);

export function upstream(partial: Partial<UpstreamConfig> & Pick<UpstreamConfig, 'id' | 'kind'>): UpstreamConfig {
  return {
    label: partial.id,
    baseUrl: 'http://127.0.0.1:9',
    isByok: partial.kind !== 'openrouter',
    ...partial,
  };
}
