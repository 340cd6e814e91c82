import type { DetectOptions } from '../../engine';

/** Where to look for local model servers: their usual ports, or others from the environment
 * (PARLEY_OLLAMA_PORT, PARLEY_LM_STUDIO_PORT) for a server moved off its default, and for tests. */
export function detectOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): DetectOptions {
  const ollamaPort = port(env, 'PARLEY_OLLAMA_PORT');
  const lmStudioPort = port(env, 'PARLEY_LM_STUDIO_PORT');
  return { ...(ollamaPort ? { ollamaPort } : {}), ...(lmStudioPort ? { lmStudioPort } : {}) };
}

function port(env: Readonly<Record<string, string | undefined>>, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  if (Number.isInteger(n) && n > 0 && n < 65536) return n;
  console.warn(`${name} is not a port number (1–65535); the default port is probed instead`);
  return undefined;
}
