import type { McpServerSummary } from '../../../../shared/contract/mcp';

/** A server's tools. Names, descriptions and schemas come from the server: they are shown as text, never as markup. */
export function McpToolList({ server }: { server: McpServerSummary }) {
  return (
    <details className="mcp-tools-toggle">
      <summary>
        {server.tools.length} tool{server.tools.length === 1 ? '' : 's'}: {server.tools.map((t) => t.name).join(', ')}
      </summary>
      <ul className="mcp-tools" aria-label={`Tools of ${server.name}`}>
        {server.tools.map((t) => (
          <li key={t.name}>
            <span className="mcp-tool-name">{t.name}</span>
            {t.title ? <span className="muted"> · {t.title}</span> : null}
            {t.description ? <div className="mcp-tool-description">{t.description}</div> : null}
            <details>
              <summary>Input schema</summary>
              <pre className="mcp-schema">{JSON.stringify(t.inputSchema, null, 2)}</pre>
            </details>
          </li>
        ))}
      </ul>
    </details>
  );
}
