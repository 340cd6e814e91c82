import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { WebSearchSettings } from '../../history/db/types';

// A column's web search setting as OpenRouter's `web` plugin (docs/openrouter-api.md §1.5); the engine maps it to
// each provider's own search tool.

export const MAX_RESULTS_LIMIT = 10;

export function webPlugin(ws: WebSearchSettings | undefined): NonNullable<ChatRequest['plugins']>[number] | undefined {
  if (!ws?.enabled) return undefined;
  const plugin: Record<string, unknown> & { id: string } = { id: 'web' };
  if (ws.engine) plugin.engine = ws.engine;
  if (ws.maxResults !== undefined) plugin.max_results = Math.min(Math.max(1, Math.round(ws.maxResults)), MAX_RESULTS_LIMIT);
  return plugin;
}
