import { createEngine, startLocalApi, type EngineOptions, type UpstreamConfig } from '../../electron/engine';
import { startFakeUpstream, type FakeScript } from '../../test/fakes';
import { startFloorProxy } from './floor-proxy';
import { fakeProcess } from './processes';

// A fake OpenAI-compatible provider on loopback, the engine routing `bench/bench-model` to it, and the local API
// in front of the engine: the three hops every engine benchmark compares. Beside them, the floor: a trivial
// pass-through proxy (./floor-proxy.ts) in front of the same fake, in the process Parley runs in. The fake runs in this process, or with
// `fakeInChildProcess` in a process of its own, as a real provider does.

export const MODEL_SLUG = 'bench/bench-model';
export const NATIVE_MODEL = 'bench-model';
export const API_TOKEN = 'bench-token';

export async function benchRig(script: FakeScript, engineOpts: Partial<EngineOptions> = {}, opts: { fakeInChildProcess?: boolean } = {}) {
  // Connections stay open between requests, as real providers keep them.
  const fake = opts.fakeInChildProcess ? await fakeProcess(script) : await startFakeUpstream('openai', { defaultScript: script, keepAliveTimeoutMs: 30_000 });
  // One list for every request, as main keeps it until keys change.
  const upstreams: UpstreamConfig[] = [{ id: 'custom:bench', kind: 'openai-compatible', label: 'Bench', baseUrl: fake.url, isByok: true, models: [NATIVE_MODEL] }];
  const engine = createEngine({ upstreams: () => upstreams, ...engineOpts });
  const api = await startLocalApi({ engine, token: API_TOKEN });
  const directUrl = `${fake.url}/chat/completions`;
  const floor = await startFloorProxy(directUrl);
  return {
    fake,
    /** The fake's process id when it runs in a process of its own. */
    fakePid: 'pid' in fake ? fake.pid : undefined,
    engine,
    api,
    directUrl,
    /** The same request as `directUrl` (native model name), through the floor proxy. */
    floorUrl: `${floor.url}${new URL(directUrl).pathname}`,
    parleyUrl: `${api.url}/chat/completions`,
    body: (model: string, stream = true) => JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'Say hello' }] }),
    async close() {
      await api.close();
      await floor.close();
      await fake.close();
    },
  };
}
