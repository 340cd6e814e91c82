import { z } from 'zod';

// Model servers found running on this machine (Ollama, LM Studio): keyless, so nothing secret crosses here.

export const localServerSchema = z.object({
  /** the upstream id the server is configured under ("local:ollama") */
  id: z.string(),
  label: z.string(),
  baseUrl: z.string(),
  /** the models it lists, as it names them ("llama3.2") */
  models: z.array(z.string()),
});
export type LocalServer = z.infer<typeof localServerSchema>;

export const localServerRoutes = {
  /** Probes this machine again; what is found serves the picker at once (keys.changed and models.changed follow). */
  'localServers.detect': { input: z.object({}).strict(), output: z.array(localServerSchema) },
} as const;
