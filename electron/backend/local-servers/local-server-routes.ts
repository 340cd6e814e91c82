import type { RouteGroup } from '../routes/route-group';
import type { EngineRuntime } from '../engine-runtime';

/** Looks for Ollama and LM Studio on this machine again (the first run's "Look again"). */
export function localServerRouteHandlers(d: { runtime: EngineRuntime; upstreamsChanged: () => void }): RouteGroup<'localServers'> {
  return {
    'localServers.detect': async () => {
      const found = await d.runtime.detectLocal();
      d.upstreamsChanged();
      return found.map((u) => ({ id: u.id, label: u.label, baseUrl: u.baseUrl ?? '', models: distinct(u.models ?? []) }));
    },
  };
}

/** Ollama's "llama3:latest" is listed beside "llama3", the same model: count it once. */
function distinct(models: string[]): string[] {
  const all = new Set(models);
  return models.filter((m) => !(m.endsWith(':latest') && all.has(m.slice(0, -':latest'.length))));
}
