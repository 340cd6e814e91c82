import { useState } from 'react';
import { bridge } from '../../../bridge';
import type { McpServerSummary } from '../../../../shared/contract/mcp';
import { McpServerForm } from './McpServerForm';
import { McpToolList } from './McpToolList';

const STATUS_TEXT: Record<McpServerSummary['status'], string> = {
  disabled: 'disabled',
  stopped: 'stopped (starts when needed)',
  'awaiting-confirmation': 'needs your confirmation',
  starting: 'starting…',
  ready: 'ready',
  failed: 'failed',
};

function statusText(s: McpServerSummary): string {
  if (s.status !== 'ready') return STATUS_TEXT[s.status];
  const n = s.tools.length;
  return `ready with ${n} tool${n === 1 ? '' : 's'}${s.connectedVia === 'sse' ? ' (SSE)' : ''}`;
}

/** One MCP server: its state, what it runs, the command line to confirm, its tools, and what can be done to it. */
export function McpServerRow({ server }: { server: McpServerSummary }) {
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const act = (run: () => Promise<unknown>) => {
    setProblem(null);
    run().catch((err: Error) => setProblem(err.message));
  };
  const s = server;
  if (editing) return <li className="mcp-server">{<McpServerForm server={s} onDone={() => setEditing(false)} />}</li>;
  return (
    <li className="mcp-server" aria-label={s.name}>
      <div className="mcp-server-line">
        <span className="mcp-server-name">{s.name}</span>
        <span className={`badge mcp-status-${s.status}`} aria-label={`State of ${s.name}`}>
          {statusText(s)}
        </span>
        <span className="mcp-server-actions">
          {s.status === 'stopped' ? (
            <button type="button" className="small" aria-label={`Start ${s.name}`} onClick={() => act(() => bridge().invoke('mcp.start', { id: s.id }))}>
              Start
            </button>
          ) : null}
          {s.status === 'ready' || s.status === 'failed' ? (
            <button type="button" className="small" aria-label={`Restart ${s.name}`} onClick={() => act(() => bridge().invoke('mcp.restart', { id: s.id }))}>
              Restart
            </button>
          ) : null}
          <button type="button" className="small" aria-label={`${s.enabled ? 'Disable' : 'Enable'} ${s.name}`} onClick={() => act(() => bridge().invoke('mcp.setEnabled', { id: s.id, enabled: !s.enabled }))}>
            {s.enabled ? 'Disable' : 'Enable'}
          </button>
          <button type="button" className="small" aria-label={`Edit ${s.name}`} onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="small danger" aria-label={`Remove ${s.name}`} onClick={() => act(() => bridge().invoke('mcp.remove', { id: s.id }))}>
            Remove
          </button>
        </span>
      </div>
      <div className="mcp-where muted">
        {s.transport === 'stdio' ? <code>{s.commandLine}</code> : <code>{s.url}</code>}
        {(s.env ?? s.headers ?? []).map((e) => (
          <span key={e.name}>
            {' · '}
            {e.name} {e.set ? '•••• set' : 'not set'}
          </span>
        ))}
      </div>
      {s.enabled && s.transport === 'stdio' && !s.confirmed ? (
        <div className="mcp-confirm" role="group" aria-label={`Confirm the command of ${s.name}`}>
          <p>Parley will run this command on your computer, with your permissions. Start it only if you trust it:</p>
          <pre>{s.commandLine}</pre>
          <button type="button" className="small primary" onClick={() => act(() => bridge().invoke('mcp.confirm', { id: s.id, commandLine: s.commandLine ?? '' }))}>
            Allow this command
          </button>
        </div>
      ) : null}
      {s.status === 'failed' ? (
        <div role="alert">
          <p className="error">{s.error}</p>
          {s.stderrTail?.length ? (
            <pre className="mcp-stderr" aria-label={`Last lines of ${s.name}'s stderr`}>
              {s.stderrTail.join('\n')}
            </pre>
          ) : null}
        </div>
      ) : null}
      {problem ? <p role="alert" className="error">{problem}</p> : null}
      {s.tools.length ? <McpToolList server={s} /> : null}
    </li>
  );
}
