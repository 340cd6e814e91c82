import type { Conversation, MessageRow } from './types';
import { FUSED_COLUMN_ID, groupIdFor } from '../../history/db/group-id';

// Pure functions over a conversation's message rows: which branch is shown, and what each column's model sees.

export interface Siblings {
  active: MessageRow;
  all: MessageRow[]; // oldest first
  key: string;
}

export interface Turn {
  user: Siblings;
  /** columnId → the answers this column gave to this user message */
  answers: Map<string, Siblings>;
  /** the answer chosen as shared history for this turn, if any ("Continue with this answer") */
  continueFrom: MessageRow | null;
  /** answers written by fusing this turn's answers (their own sibling group), if any */
  fused: Siblings | null;
  /** answers imported from an export that left out who wrote them (a blind turn exported before its vote), by
   * letter; they belong to no column */
  withheld?: Siblings[];
}

export interface MessageIndex {
  byId: Map<string, MessageRow>;
  conversationId: string;
  users: Map<string, MessageRow[]>; // parentId ('' for root) → user messages
  answers: Map<string, Map<string, MessageRow[]>>; // userId → columnId → answers
}

/** Sibling keys are the history store's groupIds, so conversation.selection means the same on both sides. */
export const siblingKeyOf = (m: MessageRow): string => m.groupId;

function push(map: Map<string, MessageRow[]>, key: string, m: MessageRow) {
  const list = map.get(key);
  if (list) list.push(m);
  else map.set(key, [m]);
}

export function indexMessages(rows: Iterable<MessageRow>, conversationId = ''): MessageIndex {
  const byId = new Map<string, MessageRow>();
  const users = new Map<string, MessageRow[]>();
  const answers = new Map<string, Map<string, MessageRow[]>>();
  for (const m of rows) {
    byId.set(m.id, m);
    if (m.role === 'user') push(users, m.parentId ?? '', m);
    else {
      const uid = m.parentId ?? '';
      let cols = answers.get(uid);
      if (!cols) answers.set(uid, (cols = new Map()));
      push(cols, m.columnId ?? '', m);
    }
  }
  const bySeq = (a: MessageRow, b: MessageRow) => a.seq - b.seq;
  for (const list of users.values()) list.sort(bySeq);
  for (const cols of answers.values()) for (const list of cols.values()) list.sort(bySeq);
  return { conversationId, byId, users, answers };
}

function pick(all: MessageRow[] | undefined, key: string, selection: Record<string, string>): Siblings | null {
  if (!all || all.length === 0) return null;
  const chosen = selection[key];
  const active = (chosen && all.find((m) => m.id === chosen)) || all[all.length - 1]!;
  return { active, all, key };
}

/**
 * Where the shown branch starts when only the newest rows are loaded: the oldest loaded ancestor of the branch tip
 * (headId, else the newest prompt). With every row loaded this is the root (null).
 */
export function partialStart(index: MessageIndex, headId: string | null = null): string | null {
  let newest: MessageRow | null = headId ? (index.byId.get(headId) ?? null) : null;
  if (!newest) for (const list of index.users.values()) for (const m of list) if (!newest || m.seq > newest.seq) newest = m;
  let cur = newest;
  while (cur && cur.parentId && index.byId.has(cur.parentId)) cur = index.byId.get(cur.parentId)!;
  return cur?.parentId ?? null;
}

/** One turn: a prompt (with its siblings) and each column's shown answer to it, plus its fused answers. */
function buildTurn(index: MessageIndex, conv: Pick<Conversation, 'columns' | 'selection'>, user: Siblings): Turn {
  const answers = new Map<string, Siblings>();
  const cols = index.answers.get(user.active.id);
  for (const c of conv.columns) {
    const list = cols?.get(c.id);
    const s = pick(list, list?.[0]?.groupId ?? groupIdFor(index.conversationId, user.active.id, c.id), conv.selection);
    if (s) answers.set(c.id, s);
  }
  const cf = user.active.continueFromId ? (index.byId.get(user.active.continueFromId) ?? null) : null;
  const fusedList = cols?.get(FUSED_COLUMN_ID);
  const fused = pick(fusedList, fusedList?.[0]?.groupId ?? '', conv.selection);
  const withheld: Siblings[] = [];
  for (const [columnId, list] of cols ?? []) {
    const first = list[0];
    if (first?.blindLetter === undefined || conv.columns.some((c) => c.id === columnId)) continue;
    const s = pick(list, first.groupId, conv.selection);
    if (s) withheld.push(s);
  }
  withheld.sort((a, b) => a.active.blindLetter!.length - b.active.blindLetter!.length || a.active.blindLetter!.localeCompare(b.active.blindLetter!));
  return { user, answers, continueFrom: cf, fused, ...(withheld.length ? { withheld } : {}) };
}

/** The turns on the selected branch, first to last (from `start`, the parent of the first turn shown). */
export function activeTurns(index: MessageIndex, conv: Pick<Conversation, 'columns' | 'selection'>, start: string | null = null): Turn[] {
  const turns: Turn[] = [];
  let parent: string | null = start;
  const seen = new Set<string>();
  for (;;) {
    const users = index.users.get(parent ?? '');
    const user = pick(users, users?.[0]?.groupId ?? groupIdFor(index.conversationId, parent, null), conv.selection);
    if (!user || seen.has(user.active.id)) break;
    seen.add(user.active.id);
    turns.push(buildTurn(index, conv, user));
    parent = user.active.id;
  }
  return turns;
}

/** The turn of one prompt (shown or not), or null when the prompt is not in the index. */
export function turnOf(index: MessageIndex, conv: Pick<Conversation, 'columns' | 'selection'>, promptId: string): Turn | null {
  const prompt = index.byId.get(promptId);
  if (!prompt || prompt.role !== 'user') return null;
  const all = index.users.get(prompt.parentId ?? '') ?? [prompt];
  return buildTurn(index, conv, { active: prompt, all, key: prompt.groupId });
}

function usable(m: MessageRow | null | undefined): m is MessageRow {
  return !!m && m.role === 'assistant' && m.status !== 'error' && m.status !== 'streaming' && m.content.trim() !== '';
}

/**
 * What column `columnId` sends when answering turn `n`: every earlier user message with THIS column's own answer
 * to it — never another model's — except on a turn whose next prompt continued from one chosen answer ("Continue
 * with this"): there every column gets the chosen answer. Turns before it keep each column's own answers, so
 * continuing later never rewrites what a column saw earlier.
 */
export function contextFor(turns: Turn[], n: number, columnId: string): MessageRow[] {
  const out: MessageRow[] = [turns[n]!.user.active];
  for (let i = n - 1; i >= 0; i--) {
    const chosen = turns[i + 1]!.continueFrom;
    const answer = chosen && chosen.parentId === turns[i]!.user.active.id ? chosen : turns[i]!.answers.get(columnId)?.active;
    if (usable(answer)) out.push(answer);
    out.push(turns[i]!.user.active);
  }
  return out.reverse();
}

/** The answers column `columnId` will send with the next prompt (oldest first), given the pending "Continue
 * with this" choice, if any. */
export function nextContextAnswers(turns: Turn[], columnId: string, pendingContinue: MessageRow | null): MessageRow[] {
  if (turns.length === 0) return [];
  const last = turns[turns.length - 1]!;
  const continueFrom = pendingContinue && pendingContinue.parentId === last.user.active.id ? pendingContinue : null;
  const next: Turn = { user: { active: last.user.active, all: [], key: '' }, answers: new Map(), continueFrom, fused: null };
  return contextFor([...turns, next], turns.length, columnId).filter((m) => m.role === 'assistant');
}

/** "own history (2 answers)", or "2 own answers + 1 from claude-sonnet-4.5": what the next prompt carries. */
export function nextContextText(answers: MessageRow[], columnId: string, labels: Map<string, string>): string {
  const own = answers.filter((m) => m.columnId === columnId).length;
  const others = new Map<string, number>();
  for (const m of answers) if (m.columnId !== columnId) others.set(m.columnId ?? '', (others.get(m.columnId ?? '') ?? 0) + 1);
  const plural = (n: number) => `${n} answer${n === 1 ? '' : 's'}`;
  if (others.size === 0) return own ? `Next prompt: its own history (${plural(own)})` : 'Next prompt: no earlier answers';
  const from = [...others].map(([col, n]) => `${n} from ${labels.get(col) ?? 'another column'}`).join(' + ');
  return `Next prompt: ${own ? `${own} own + ` : ''}${from}`;
}
