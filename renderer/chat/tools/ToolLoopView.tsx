import type { LoopStep } from '../../../shared/tools/tool-steps';
import { Markdown, StreamingMarkdown } from '../markdown/Markdown';
import { ToolCallCard } from './ToolCallCard';
import './tools-room.css';

/** An answer that ran a tool loop, as it happened: each step's text, then that step's calls together (parallel
 * calls of one step in one group), then the step still streaming. */
export function ToolLoopView({ steps, text, streaming, streamId }: { steps: readonly LoopStep[]; text: string; streaming: boolean; streamId: string | null }) {
  const done = steps.reduce((n, s) => n + s.text.length, 0);
  const rest = text.slice(done);
  return (
    <div className="tool-loop">
      {steps.map((step, i) => (
        <div className="tool-step" key={i}>
          {step.text ? <Markdown text={step.text} /> : null}
          {step.calls.length > 0 ? (
            <div className="tool-calls" role="group" aria-label={`Step ${i + 1}: ${step.calls.length === 1 ? 'a tool call' : `${step.calls.length} tool calls`}`}>
              {step.calls.map((c) => (
                <ToolCallCard key={c.callId} call={c} streamId={streaming ? streamId : null} />
              ))}
            </div>
          ) : null}
        </div>
      ))}
      {rest ? streaming ? <StreamingMarkdown text={rest} /> : <Markdown text={rest} /> : null}
    </div>
  );
}
