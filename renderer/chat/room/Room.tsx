import { roomAssistantSlot } from '../../common/slots/room-slots';
import { useDeferredValue, useEffect, useMemo, useRef, type CSSProperties } from 'react';
import { useRoom, openConversation } from '../../common/room/room-store';
import { activeTurns, indexMessages, nextContextAnswers, nextContextText, partialStart } from '../../common/room/turns';
import { liveAnswers, useStreamingIds } from '../../common/room/live-answers';
import { continueWith, setBlind } from '../state/actions';
import { isTurnHidden, letterAt } from '../../common/room/blind';
import { useVoteKeys } from '../compare/use-vote-keys';
import { columnLabels } from '../columns/labels';
import { ColumnHeader } from '../columns/ColumnHeader';
import { sumTotals, totalsLabel, type Totals } from '../messages/stats-text';
import { useConversationBilling } from '../../common/ledger/use-billing';
import { Composer } from '../composer/Composer';
import { usePicker } from '../models/picker-store';
import { ModelSetControls } from './ModelSetControls';
import { RoomWebSearchToggle } from '../web-search/RoomWebSearchToggle';
import { RoomToolsButton } from '../tools/RoomToolsButton';
import { RoomTitle } from './RoomTitle';
import { useUi } from '../../common/ui-store';
import { TurnList } from './TurnList';
import { ReplayBanner } from '../replay/ReplayBanner';
import { PinProvidersToggle } from './PinProvidersToggle';
import { RoomWelcome } from './RoomWelcome';
import { nextHistory } from '../context/next-history';
import { LayoutControl } from './layout/LayoutControl';
import { gridTemplates, shownLayout } from './layout/room-layout';
import { useRoomSize } from './layout/use-room-size';
import { useStableValue } from '../../common/use-stable-value';

const EMPTY_TOTALS: Totals = { costMicros: 0, unknownCost: 0, belowMicro: false, tokensIn: 0, tokensOut: 0, answers: 0 };

/** A conversation: model columns side by side (or in a grid, or stacked), one row per prompt, the composer below. */
export function Room({ conversationId }: { conversationId: string | null }) {
  const openId = useRoom((s) => s.openId);
  const conversation = useRoom((s) => s.conversation);
  const messages = useRoom((s) => s.messages);
  const loaded = useRoom((s) => s.loaded);
  const draftColumns = useRoom((s) => s.draftColumns);
  const draftBlind = useRoom((s) => s.draftBlind);
  const draftLayout = useRoom((s) => s.draftLayout);
  const openRoom = useUi((s) => s.openRoom);
  const openPicker = usePicker((s) => s.open);
  const focusId = useUi((s) => (s.view.kind === 'room' ? (s.view.focusMessageId ?? null) : null));

  useEffect(() => {
    const s = useRoom.getState();
    if (conversationId !== s.openId || (conversationId && !s.conversation)) void openConversation(conversationId);
  }, [conversationId]);

  const shown = conversation && conversation.id === conversationId ? conversation : null;
  // a conversation re-read after every write is a new object: its columns keep their identity while unchanged
  const columns = useStableValue(shown?.columns ?? draftColumns);
  const labels = useMemo(() => columnLabels(columns), [columns]);
  const index = useMemo(() => indexMessages(messages.values(), conversationId ?? ''), [messages, conversationId]);
  const turns = useMemo(
    () => (shown ? activeTurns(index, shown, loaded === 'partial' ? partialStart(index, shown.headId) : null) : []),
    [index, shown, loaded],
  );

  const blind = shown ? !!shown.blind : draftBlind;
  // While a blind turn awaits its vote, nothing names the room's models: not the column headers, the composer's
  // estimates or warnings, nor the totals (cost per column would tell the answers apart).
  const anyHidden = useMemo(() => !!shown && turns.some((t) => isTurnHidden(shown, t, columns)), [shown, turns, columns]);
  // Headers are lettered by position, as the hidden turns' answers under them are ("Answer A"): a number in add
  // order would name the model.
  const shownLabels = useMemo(() => (anyHidden ? new Map(columns.map((c, i) => [c.id, `Answer ${letterAt(i)}`])) : labels), [anyHidden, columns, labels]);
  useVoteKeys(shown, turns, columns);

  const streamingKey = useStreamingIds(shown ? openId : null);
  const streamingByColumn = useMemo(() => {
    const m = new Map<string, string>();
    for (const id of streamingKey ? streamingKey.split(',') : []) {
      const e = liveAnswers.get(id);
      if (e) m.set(e.columnId, id);
    }
    return m;
  }, [streamingKey]);

  // The figures over the whole room (totals, each column's next context and its token count) follow a change in a
  // render of their own, which React may split and interrupt: in a long room they cost tens of milliseconds, and the
  // turn that changed is shown first. (Whether a blind turn hides them is not deferred.)
  const laterMessages = useDeferredValue(messages);
  const laterTurns = useDeferredValue(turns);
  const billing = useConversationBilling(shown?.id);
  const { byColumn, total } = useMemo(() => {
    const byColumn = new Map<string, Totals>();
    const all = [...laterMessages.values()].filter((m) => m.role === 'assistant');
    for (const c of columns) byColumn.set(c.id, sumTotals(all.filter((m) => m.columnId === c.id), billing));
    return { byColumn, total: sumTotals(all, billing) };
  }, [laterMessages, columns, billing]);

  const pending = shown?.pendingContinueFromId ?? null;
  const pendingRow = pending ? messages.get(pending) : undefined;
  // (a lettered column is not the letter of the answer chosen: naming it would tie that answer to its column)
  const continueLabel = pendingRow ? (anyHidden ? 'that answer' : (labels.get(pendingRow.columnId ?? '') ?? pendingRow.model?.used ?? 'that model')) : null;
  // what each column will send next: its own answers, and any chosen with "Continue with this"
  const nextContext = useMemo(() => {
    const m = new Map<string, string>();
    if (loaded !== 'full' || laterTurns.length === 0) return m;
    for (const c of columns) m.set(c.id, nextContextText(nextContextAnswers(laterTurns, c.id, pendingRow ?? null), c.id, shownLabels));
    return m;
  }, [laterTurns, columns, shownLabels, pendingRow, loaded]);
  const contextHistories = useMemo(() => new Map(loaded === 'full' ? columns.map((c) => [c.id, nextHistory(laterTurns, c.id, pendingRow ?? null)]) : []), [laterTurns, columns, pendingRow, loaded]);
  const roomRef = useRef<HTMLElement>(null);
  const roomSize = useRoomSize(roomRef);
  const chosenLayout = (shown ? shown.layout : draftLayout) ?? 'side';
  const layout = shownLayout(chosenLayout, columns.length, roomSize.width, roomSize.columnMin);
  const templates = gridTemplates(layout.layout, columns.length);
  const title = shown?.title || 'New chat';
  const showWelcome = !shown && columns.length === 0;

  const header = (
    <div className="columns-header">
      {columns.map((c) => (
        <ColumnHeader
          key={c.id}
          column={c}
          label={shownLabels.get(c.id) ?? c.model}
          anonymous={anyHidden}
          totals={byColumn.get(c.id) ?? EMPTY_TOTALS}
          nextContext={nextContext.get(c.id) ?? null}
          contextHistory={contextHistories.get(c.id)}
        />
      ))}
    </div>
  );

  return (
    <section className="room" aria-label={`Room: ${title}`} ref={roomRef}>
      {shown?.replay ? <ReplayBanner conversationId={shown.id} plan={shown.replay} /> : null}
      <div className="room-bar">
        <RoomTitle key={shown?.id ?? 'draft'} conversationId={shown?.id ?? null} title={title} />
        <span className="room-totals muted" aria-label="Conversation totals">
          {anyHidden ? 'Totals shown after your vote' : totalsLabel(total)}
        </span>
        <label className="blind-toggle" title="Hide model names, providers and costs, and shuffle the answers, until you vote on each turn">
          <input type="checkbox" checked={blind} onChange={(e) => void setBlind(e.target.checked)} />
          Blind
        </label>
        <RoomWebSearchToggle columns={columns} />
        <RoomToolsButton />
        {shown ? <PinProvidersToggle conversation={shown} /> : null}
        <button type="button" className="small" onClick={() => openPicker({ kind: 'add-column' })} aria-label="Add model (Ctrl+K)">
          + Model
        </button>
        <ModelSetControls columns={columns} isDraft={!shown} />
        <roomAssistantSlot.Slot />
        {columns.length > 1 ? <LayoutControl chosen={chosenLayout} shown={layout} /> : null}
      </div>
      {showWelcome ? (
        <RoomWelcome />
      ) : (
        <div className={`turn-area layout-${layout.layout}`} style={{ '--answer-grid': templates.answers, '--header-grid': templates.headers } as CSSProperties}>
          <TurnList key={`${shown?.id ?? 'draft'}:${loaded}`} turns={turns} columns={columns} labels={labels} pendingContinueId={pending} header={header} conversationId={shown?.id ?? null} focusId={focusId} blind={blind} complete={loaded !== 'partial'} />
        </div>
      )}
      <Composer
        columns={columns}
        labels={shownLabels}
        hideModelNames={anyHidden}
        streaming={streamingByColumn.size > 0}
        onSent={(id) => {
          if (id !== conversationId) openRoom(id);
        }}
        continueLabel={continueLabel}
        onCancelContinue={() => void continueWith(null)}
      />
    </section>
  );
}
