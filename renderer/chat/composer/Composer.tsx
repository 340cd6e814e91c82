import { memo, useMemo, useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent } from 'react';
import type { ColumnConfig, PendingAttachment } from '../../common/room/types';
import { NotSentError, send, stopRoom } from '../state/actions';
import { useModels } from '../../common/models/use-models';
import { readAttachment } from './read-attachment';
import { capabilityWarnings } from './capability-warnings';
import { previewRequests } from '../state/preview';
import { useDebounced } from '../../common/use-debounced';
import { nextTask } from '../../common/next-task';
import { promptSuggestionSlot, sendEstimateSlot, sendGuard } from '../../common/slots/room-slots';
import { useToolStepLimits } from '../tools/use-tool-step-limits';


const SendEstimate = sendEstimateSlot.Slot;
const PromptSuggestion = promptSuggestionSlot.Slot;
/** Per-column input estimate for the prompt being typed; re-computed only once typing pauses. */
const ColumnEstimates = memo(function ColumnEstimates({ columns, text, names }: { columns: ColumnConfig[]; text: string; names?: string[] }) {
  // nothing to estimate without a prompt (right after a send, in a long room, building the previews takes a while)
  const requests = useMemo(() => (text.trim() ? previewRequests(columns, text) : null), [columns, text]);
  const toolStepLimits = useToolStepLimits(columns);
  // the same props while the prompt and the columns stay the same: the estimate is not worked out again
  const props = useMemo(
    () => (requests ? { models: columns.map((c) => c.model), columnIds: columns.map((c) => c.id), request: (_m: string, i: number) => requests.get(columns[i]!.id)! } : null),
    [columns, requests],
  );
  if (!props || columns.length === 0) return null;
  return <SendEstimate {...props} toolStepLimits={toolStepLimits} {...(names ? { names } : {})} />;
});

/** Enter sends to every column, Shift+Enter is a new line, Esc stops. Files by drop, paste or the picker. */
export function Composer({ columns, labels, streaming, onSent, continueLabel, onCancelContinue, hideModelNames = false }: {
  columns: ColumnConfig[];
  labels: Map<string, string>;
  /** blind mode: estimates name columns by their labels, not by model */
  hideModelNames?: boolean;
  streaming: boolean;
  onSent: (conversationId: string) => void;
  continueLabel: string | null;
  onCancelContinue: () => void;
}) {
  const [text, setText] = useState('');
  const [attachments, setAttachments] = useState<(PendingAttachment & { key: string })[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const { models } = useModels();
  const { useGate, blockedNotice: BudgetBlockedNotice } = sendGuard();
  const gate = useGate();
  const settledText = useDebounced(text, 300);
  const warnings = capabilityWarnings(columns, labels, attachments, models);
  const noColumns = columns.length === 0;
  const canSend = !streaming && !noColumns && (text.trim() !== '' || attachments.length > 0);

  async function addFiles(files: Iterable<File>) {
    setProblem(null);
    for (const f of files) {
      try {
        const a = await readAttachment(f);
        setAttachments((list) => [...list, { ...a, key: crypto.randomUUID() }]);
      } catch (err) {
        setProblem((err as Error).message);
      }
    }
  }

  async function submit() {
    if (!canSend) return;
    // the key press is answered (and painted) before the requests are built: in a long room that takes a while
    await nextTask();
    const requests = previewRequests(columns, text);
    const ticket = await gate.allow(columns.map((c) => ({ columnId: c.id, model: c.model, request: requests.get(c.id)! })));
    if (!ticket) return;
    const t = text;
    const a = attachments;
    setText('');
    setAttachments([]);
    setProblem(null);
    let id: string;
    try {
      id = await send(t, a, ticket);
    } catch (err) {
      if (err instanceof NotSentError) {
        // nothing was stored: the prompt comes back so it can be sent again
        setText((typed) => typed || t);
        setAttachments((added) => (added.length ? added : a));
      }
      setProblem((err as Error).message);
      return;
    }
    onSent(id);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape' && streaming) {
      e.preventDefault();
      void stopRoom();
    }
  }

  function onPaste(e: ClipboardEvent) {
    const files = [...e.clipboardData.files];
    if (files.length) {
      e.preventDefault();
      void addFiles(files);
    }
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    void addFiles([...e.dataTransfer.files]);
  }

  return (
    <div
      className={`composer${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {continueLabel ? (
        <p className="continue-banner" role="status">
          The next prompt continues from {continueLabel}’s answer in every column.{' '}
          <button type="button" className="link" onClick={onCancelContinue}>Cancel</button>
        </p>
      ) : null}
      {attachments.length ? (
        <ul className="attachment-chips" aria-label="Attachments to send">
          {attachments.map((a) => (
            <li key={a.key} className="chip">
              {a.name}
              <button type="button" className="small" aria-label={`Remove ${a.name}`} onClick={() => setAttachments((l) => l.filter((x) => x.key !== a.key))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {warnings.length ? (
        <ul className="capability-warnings" role="alert" aria-label="Attachment warnings">
          {warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      ) : null}
      {problem ? <p className="error" role="alert">{problem}</p> : null}
      <BudgetBlockedNotice gate={gate} onSendAnyway={() => void submit()} />
      {hideModelNames ? null : <PromptSuggestion text={settledText} models={columns.map((c) => c.model)} />}
      <ColumnEstimates columns={columns} text={settledText} {...(hideModelNames ? { names: columns.map((c) => labels.get(c.id) ?? 'a column') } : {})} />
      <div className="composer-row">
        <button type="button" className="small" aria-label="Attach files" onClick={() => fileRef.current?.click()}>
          Attach
        </button>
        <input
          ref={fileRef}
          type="file"
          multiple
          hidden
          aria-label="Choose files to attach"
          accept="image/png,image/jpeg,image/webp,image/gif,application/pdf,text/*,.txt,.md,.json,.csv,.yaml,.yml,.ts,.tsx,.js,.py"
          onChange={(e) => {
            void addFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <textarea
          aria-label="Prompt"
          placeholder={noColumns ? 'Add a model first (Ctrl+K)' : `Message ${columns.length === 1 ? 'one model' : `${columns.length} models`} — Enter to send, Shift+Enter for a new line`}
          value={text}
          rows={3}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        {streaming ? (
          <button type="button" className="primary" onClick={() => void stopRoom()} aria-label="Stop all answers (Esc)" title="Stop every answer still being written (Esc)">
            Stop all
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void submit()} disabled={!canSend} aria-label="Send">
            Send
          </button>
        )}
      </div>
    </div>
  );
}
