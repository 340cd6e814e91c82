import { bridge } from '../../bridge';
import type { McpServerSummary } from '../../../shared/contract/mcp';
import type { ModelSummary } from '../../../shared/contract/models';
import { isEmptySelection, resolveOfferedTools, toolsForRequest, type OfferedTool, type ToolSelection, type ToolSupport } from '../../../shared/tools/tool-selection';
import type { ChatToolsInput } from '../../../shared/tools/tool-steps';
import { findModel, loadModels } from '../../common/models/use-models';
import type { ColumnConfig, Conversation } from '../../common/room/types';
import { columnSelection } from './column-selection';

// At send: the tools a column offers its model now. Servers of the pick that are not running are started first
// (their tools are only known once they run); a stdio server whose command line was never allowed is not started
// (the Tools picker asks for that), and a server that fails to start offers nothing.

/** From the picker's model list: `supportsTools`, or unknown when the catalog has no parameter list for it. */
export function toolSupportOf(model: Pick<ModelSummary, 'supportsTools' | 'toolSupport'> | undefined): ToolSupport {
  if (!model) return 'unknown';
  return model.toolSupport ?? (model.supportsTools ? 'supported' : 'unsupported');
}

function picks(sel: ToolSelection, id: string): boolean {
  return sel.servers.includes(id) || sel.tools.some((t) => t.server === id);
}

async function runningServers(sel: ToolSelection): Promise<McpServerSummary[]> {
  const servers = await bridge().invoke('mcp.list', {});
  const toStart = servers.filter((s) => picks(sel, s.id) && s.enabled && s.status !== 'ready' && (s.transport === 'http' || s.confirmed));
  if (toStart.length === 0) return servers;
  const started = await Promise.all(toStart.map((s) => bridge().invoke('mcp.start', { id: s.id }).catch(() => null)));
  const byId = new Map(started.flatMap((s) => (s ? [[s.id, s] as const] : [])));
  return servers.map((s) => byId.get(s.id) ?? s);
}

/** The tools this column's model is offered now, or undefined when none (off, nothing running, or a model the
 * catalog says can't use them: the column header says so). */
export async function offerTools(conv: Pick<Conversation, 'tools'>, column: ColumnConfig): Promise<ChatToolsInput | undefined> {
  const sel = columnSelection(conv, column);
  if (isEmptySelection(sel)) return undefined;
  const [servers, models] = await Promise.all([runningServers(sel), loadModels().then((l) => l.models).catch(() => [])]);
  const offered: OfferedTool[] = toolsForRequest(resolveOfferedTools(sel, servers), toolSupportOf(findModel(models, column.model)));
  return offered.length > 0 ? { offered } : undefined;
}
