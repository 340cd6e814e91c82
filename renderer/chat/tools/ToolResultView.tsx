import { useState } from 'react';
import type { McpCallResult } from '../../../shared/contract/mcp';
import { Markdown } from '../markdown/Markdown';
import { shortResult, truncationNote } from './result-text';
import { ToolResultImages } from './ToolResultImages';

/** A tool's result: untrusted text, shown through the answers' own Markdown (sanitized, never executed), folded
 * by default; a long one shows its start with "Show all". */
export function ToolResultView({ result, tool }: { result: McpCallResult; tool: string }) {
  const [all, setAll] = useState(false);
  const { shown, cut } = shortResult(result.text, all);
  const note = truncationNote(result);
  return (
    <details className={`tool-result${result.isError ? ' tool-result-error' : ''}`}>
      <summary aria-label={`${result.isError ? 'Error result' : 'Result'} of ${tool}`}>
        {result.isError ? 'Result: the tool reported an error' : 'Result'}
        <span className="muted tool-result-size"> · {Math.round(result.durationMs)} ms</span>
      </summary>
      {note ? <p className="tool-note" role="note">{note}</p> : null}
      <div className="tool-result-text">{shown === '' ? <p className="muted">(empty)</p> : <Markdown text={shown} />}</div>
      <ToolResultImages result={result} />
      {cut ? (
        <button type="button" className="small" onClick={() => setAll(true)} aria-label={`Show all of the result of ${tool}`}>
          Show all ({result.text.length.toLocaleString()} characters)
        </button>
      ) : null}
    </details>
  );
}
