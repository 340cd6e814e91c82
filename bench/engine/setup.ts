import { createEngine, startLocalApi, type EngineOptions } from '../../electron/engine';
import { startFakeUpstream, type FakeScript } from '../../test/fakes';

// A fake OpenAI-compatible provider on loopback, the engine routing `bench/bench-model` to it, and the local API
// in front of the engine: the three hops every engine benchmark compares.

export const MODEL_SLUG = 'bench/bench-model';
export const NATIVE_MODEL = 'bench-model';
export const API_TOKEN = 'bench-token';

export async function benchRig(script: FakeScript, engineOpts: Partial<EngineOptions> = {}) {
  const fake = await startFakeUpstream('openai', { defaultScript: script });
  const engine = createEngine({
    upstreams: () => [fake.upstream({ id: 'custom:bench', label: 'Bench', models: [NATIVE_MODEL] })],
    ...engineOpts,
  });
  const api = await startLocalApi({ engine, token: API_TOKEN });
  return {
    fake,
    engine,
    api,
    directUrl: `${fake.url}/chat/completions`,
    parleyUrl: `${api.url}/chat/completions`,
    body: (model: string, stream = true) => JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'Say hello' }] }),
    async close() {
      await api.close();
      await fake.close();
    },
  };
}
