import { useState } from 'react';
import { bridge } from '../../bridge';
import { useRouteValue } from '../../bridge/use-route-value';
import type { McpServerSummary } from '../../../shared/contract/mcp';
import type { ToolSelection } from '../../../shared/tools/tool-selection';
import { hasTool, withServer, withTool } from './selection-edit';

function stateText(s: McpServerSummary): string {
  switch (s.status) {
    case 'ready':
      return `ready, ${s.tools.length} ${s.tools.length === 1 ? 'tool' : 'tools'}`;
    case 'starting':
      return 'starting…';
    case 'stopped':
      return 'not started (starts when a model first needs it)';
    case 'awaiting-confirmation':
      return 'its command needs your OK first';
    case 'disabled':
      return 'disabled in Settings → Tools';
    case 'failed':
      return `failed: ${s.error ?? 'unknown error'}`;
  }
}

/** Servers from Settings → Tools with their state: a whole server (all its tools, now or later) or single tools of
 * a running one. A stdio server never started shows its exact command line to allow first. */
export function ToolSelectionPicker({ value, onChange }: { value: ToolSelection; onChange: (next: ToolSelection) => void }) {
  const { value: servers, error } = useRouteValue('mcp.list', {}, 'mcp.changed');
  const [problem, setProblem] = useState<string | null>(null);
  const act = (p: Promise<unknown>) => p.then(() => setProblem(null), (err: Error) => setProblem(err.message));
  if (error) return <p className="error" role="alert">Could not list tool servers: {error}</p>;
  if (!servers) return <p className="muted">Loading tool servers…</p>;
  if (servers.length === 0) return <p className="muted">No tool servers yet. Add them in Settings → Tools.</p>;
  return (
    <div className="tool-picker">
      {servers.map((s) => {
        const whole = value.servers.includes(s.id);
        return (
          <div className="tool-picker-server" key={s.id}>
            <label>
              <input type="checkbox" aria-label={`${s.name}: all tools`} checked={whole} disabled={!s.enabled} onChange={(e) => onChange(withServer(value, s.id, e.target.checked))} />
              {s.name}
            </label>
            <span className="tool-picker-state" aria-label={`State of ${s.name}`}>{stateText(s)}</span>
            {s.enabled && s.status === 'awaiting-confirmation' ? (
              <div role="group" aria-label={`Confirm the command of ${s.name}`}>
                <p className="muted">Parley will run this command on your computer, with your permissions:</p>
                <pre>{s.commandLine}</pre>
                <button type="button" className="small primary" onClick={() => void act(bridge().invoke('mcp.confirm', { id: s.id, commandLine: s.commandLine ?? '' }))}>
                  Allow this command
                </button>
              </div>
            ) : null}
            {s.enabled && (s.status === 'stopped' || s.status === 'failed') ? (
              <button type="button" className="small" onClick={() => void act(bridge().invoke(s.status === 'failed' ? 'mcp.restart' : 'mcp.start', { id: s.id }))} aria-label={`${s.status === 'failed' ? 'Restart' : 'Start'} ${s.name} to list its tools`}>
                {s.status === 'failed' ? 'Restart' : 'Start'} to list its tools
              </button>
            ) : null}
            {s.tools.length > 0 ? (
              <div className="tool-picker-tools" role="group" aria-label={`Tools of ${s.name}`}>
                {s.tools.map((t) => (
                  <label key={t.name} title={t.description}>
                    <input type="checkbox" aria-label={`${t.name} of ${s.name}`} checked={hasTool(value, s.id, t.name)} disabled={whole} onChange={(e) => onChange(withTool(value, s.id, t.name, e.target.checked))} />
                    <code>{t.name}</code>
                    {t.description ? <span className="muted">{t.description.length > 80 ? `${t.description.slice(0, 80)}…` : t.description}</span> : null}
                  </label>
                ))}
              </div>
            ) : null}
          </div>
        );
      })}
      {problem ? <p className="error" role="alert">{problem}</p> : null}
    </div>
  );
}
