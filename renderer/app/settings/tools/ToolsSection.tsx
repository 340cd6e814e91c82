import { useState } from 'react';
import { useRouteValue } from '../../../bridge/use-route-value';
import { McpServerRow } from './McpServerRow';
import { McpServerForm } from './McpServerForm';
import { ImportMcpJson } from './ImportMcpJson';
import { StepLimitField } from './StepLimitField';
import './tools.css';

/** Settings → Tools: the MCP servers main runs for the room's tools (docs/mcp-tools.md). */
export function ToolsSection() {
  const { value: servers, error } = useRouteValue('mcp.list', {}, 'mcp.changed');
  const [adding, setAdding] = useState<'form' | 'json' | null>(null);
  return (
    <section aria-labelledby="tools-heading">
      <h2 id="tools-heading">Tools</h2>
      <p className="muted">
        MCP servers give models tools. Parley runs them itself: a command on this machine (asked once before it first runs) or a URL. A server
        starts when first needed; what a tool returns is treated as untrusted text.
      </p>
      <StepLimitField />
      {error ? <p role="alert" className="error">{error}</p> : null}
      {servers?.length ? (
        <ul className="mcp-servers" aria-label="MCP servers">
          {servers.map((s) => (
            <McpServerRow key={s.id} server={s} />
          ))}
        </ul>
      ) : servers ? (
        <p className="muted">No MCP servers yet.</p>
      ) : null}
      {adding === 'form' ? <McpServerForm onDone={() => setAdding(null)} /> : null}
      {adding === 'json' ? <ImportMcpJson onDone={() => setAdding(null)} /> : null}
      {adding ? null : (
        <div className="mcp-server-line">
          <button type="button" onClick={() => setAdding('form')}>
            Add a server
          </button>
          <button type="button" onClick={() => setAdding('json')}>
            Paste mcpServers JSON
          </button>
        </div>
      )}
    </section>
  );
}
