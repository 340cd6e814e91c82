import { McpError, ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SseError } from '@modelcontextprotocol/sdk/client/sse.js';

/** An MCP or transport failure in words for the Settings view and the caller. Never includes a header or an
 * environment value: only statuses, codes and the server's own messages (cut short). */
export function describeMcpError(err: unknown, timeoutMs: number, closedMeans = 'the connection closed'): string {
  const e = err as Error & { code?: unknown };
  if (err instanceof McpError) {
    if (err.code === ErrorCode.RequestTimeout) return `it did not answer within ${Math.round(timeoutMs / 100) / 10} s`;
    if (err.code === ErrorCode.ConnectionClosed) return closedMeans;
  }
  if (err instanceof StreamableHTTPError || err instanceof SseError) {
    return typeof e.code === 'number' && e.code > 0 ? `HTTP ${e.code}: ${e.message.slice(0, 300)}` : e.message.slice(0, 300);
  }
  if (e?.name === 'AbortError') return 'it was cancelled';
  if (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code)) return `${e.code}: ${e.message.slice(0, 300)}`;
  return (e?.message ?? String(err)).slice(0, 300);
}
