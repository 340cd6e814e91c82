import { useState } from 'react';
import { bridge } from '../../../bridge';
import type { McpImportResult } from '../../../../shared/contract/mcp';

const EXAMPLE = '{"mcpServers": {"filesystem": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/path"]}}}';

/** Paste the `mcpServers` JSON other desktop apps use; each entry is added or reported by name. */
export function ImportMcpJson({ onDone }: { onDone: () => void }) {
  const [json, setJson] = useState('');
  const [result, setResult] = useState<McpImportResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function run() {
    setProblem(null);
    setResult(null);
    try {
      const r = await bridge().invoke('mcp.import', { json });
      setResult(r);
      if (!r.problems.length) setJson('');
    } catch (err) {
      setProblem((err as Error).message);
    }
  }

  return (
    <div className="mcp-import" role="group" aria-label="Paste mcpServers JSON">
      <label>
        Paste an <code>mcpServers</code> JSON (as written for Claude Desktop, Cursor and others)
        <textarea aria-label="mcpServers JSON" rows={6} placeholder={EXAMPLE} value={json} onChange={(e) => setJson(e.target.value)} />
      </label>
      <div className="mcp-server-actions">
        <button type="button" onClick={onDone}>
          Close
        </button>
        <button type="button" className="primary" disabled={json.trim().length < 2} onClick={() => void run()}>
          Import
        </button>
      </div>
      {problem ? <p role="alert" className="error">{problem}</p> : null}
      {result ? (
        <div role="status">
          <p>
            Added {result.added.length} server{result.added.length === 1 ? '' : 's'}
            {result.added.length ? `: ${result.added.map((s) => s.name).join(', ')}` : ''}.
          </p>
          {result.problems.length ? (
            <ul className="error" aria-label="Entries not added">
              {result.problems.map((p) => (
                <li key={p.entry}>
                  {p.entry}: {p.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
