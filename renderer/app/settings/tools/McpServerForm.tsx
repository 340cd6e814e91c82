import { useState, type FormEvent } from 'react';
import { bridge } from '../../../bridge';
import type { McpServerSummary } from '../../../../shared/contract/mcp';
import { SecretRowsField } from './SecretRowsField';
import { toSecretEntries, type SecretRow } from './secret-rows';

const rowsOf = (entries: { name: string; set: boolean }[] | undefined): SecretRow[] => (entries ?? []).map((e) => ({ name: e.name, value: '', set: e.set }));

/** Add a server, or edit one: a command (stdio) or a URL (Streamable HTTP, or SSE for older servers). */
export function McpServerForm({ server, onDone }: { server?: McpServerSummary; onDone: () => void }) {
  const [transport, setTransport] = useState<'stdio' | 'http'>(server?.transport ?? 'stdio');
  const [name, setName] = useState(server?.name ?? '');
  const [command, setCommand] = useState(server?.command ?? '');
  const [args, setArgs] = useState((server?.args ?? []).join('\n'));
  const [cwd, setCwd] = useState(server?.cwd ?? '');
  const [env, setEnv] = useState<SecretRow[]>(rowsOf(server?.env));
  const [url, setUrl] = useState(server?.url ?? '');
  const [headers, setHeaders] = useState<SecretRow[]>(rowsOf(server?.headers));
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const common = { ...(server ? { id: server.id } : {}), name };
    try {
      await bridge().invoke(
        'mcp.save',
        transport === 'stdio'
          ? { ...common, transport, command, args: args.split('\n').filter((a) => a !== ''), env: toSecretEntries(env), ...(cwd.trim() ? { cwd: cwd.trim() } : {}) }
          : { ...common, transport, url: url.trim(), headers: toSecretEntries(headers) },
      );
      onDone();
    } catch (err) {
      const issues = (err as { issues?: { path: string; message: string }[] }).issues;
      setProblem(issues?.length ? issues.map((i) => `${i.path}: ${i.message}`).join('; ') : (err as Error).message);
    }
  }

  const label = server ? `Edit ${server.name}` : 'Add an MCP server';
  return (
    <form className="mcp-form" aria-label={label} onSubmit={(e) => void submit(e)}>
      <strong>{label}</strong>
      <label>
        Name
        <input aria-label="Server name" value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      {server ? null : (
        <label>
          Runs as
          <select aria-label="Server kind" value={transport} onChange={(e) => setTransport(e.target.value as 'stdio' | 'http')}>
            <option value="stdio">A command on this machine (stdio)</option>
            <option value="http">A URL (Streamable HTTP, or SSE)</option>
          </select>
        </label>
      )}
      {transport === 'stdio' ? (
        <>
          <label>
            Command
            <input aria-label="Command" placeholder="npx" value={command} onChange={(e) => setCommand(e.target.value)} required />
          </label>
          <label>
            Arguments, one per line
            <textarea aria-label="Arguments" rows={3} value={args} onChange={(e) => setArgs(e.target.value)} />
          </label>
          <label>
            Working folder (optional)
            <input aria-label="Working folder" value={cwd} onChange={(e) => setCwd(e.target.value)} />
          </label>
          <SecretRowsField label="Environment variables" rows={env} onChange={setEnv} />
        </>
      ) : (
        <>
          <label>
            URL
            <input aria-label="URL" placeholder="https://example.com/mcp" value={url} onChange={(e) => setUrl(e.target.value)} required />
          </label>
          <SecretRowsField label="Headers" rows={headers} onChange={setHeaders} />
        </>
      )}
      <p className="muted">Values of environment variables and headers are sealed like provider keys and are never shown again.</p>
      {problem ? <p role="alert" className="error">{problem}</p> : null}
      <div className="mcp-server-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary">
          {server ? 'Save' : 'Add'}
        </button>
      </div>
    </form>
  );
}
