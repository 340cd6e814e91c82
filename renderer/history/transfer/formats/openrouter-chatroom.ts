import { z } from 'zod';
import { usdToMicros } from '../../../../shared/billing/money';
import { ID_PATTERN } from '../../db/ids';
import { EXPORT_FORMAT, EXPORT_VERSION, type ImportLimits } from './export-format';
import { describeIssues, ImportError } from './guard';

// OpenRouter Chatroom's per-chat JSON export ("orpg.1.0" … "orpg.3.0"). OpenRouter publishes no spec; the shape
// below is what several independent open-source importers agree on (see docs/export-format.md):
//   { version: "orpg.3.0", title?, characters: { [id]: { id, model?, modelInfo?: { name?, short_name?, slug? } } },
//     messages: { [id]: { id?, characterId ("USER" for the person), type?: "user"|"assistant", content? (≤2.0),
//                         reasoning? (≤2.0), parentMessageId?, createdAt?, updatedAt?, items?: [{ id }] (3.0),
//                         metadata?: { variantSlug?, tokensCount?, cost? (USD string), generationId?, duration? } } },
//     items?: { [id]: { data: { type: "message"|"reasoning"|…, content: [{ type, text }] } } } }
// Only text and reasoning are imported; tool calls, web results, images and artifacts are not.
// The file's links are checked: a message whose text lives in items the file does not hold is refused (its text is
// lost); an answer from a character the file does not list, a message following one that is not in the file, and
// a message without any text Parley imports are imported, each repair listed in the import's warnings.

const SUPPORTED = new Set(['orpg.1.0', 'orpg.2.0', 'orpg.3.0']);

export function isOpenRouterExport(value: unknown): value is { version: string } {
  return !!value && typeof value === 'object' && typeof (value as { version?: unknown }).version === 'string' && (value as { version: string }).version.startsWith('orpg.');
}

function orpgSchema(limits: ImportLimits) {
  const text = z.string().max(limits.maxTextChars);
  const short = z.string().max(2000);
  const key = z.string().max(200);
  const time = z.union([z.string().max(64), z.number()]).optional();
  const part = z.object({ type: short.optional(), text: text.optional() });
  return z.object({
    version: short,
    title: short.optional(),
    characters: z
      .record(
        key,
        z.object({
          id: short.optional(),
          model: short.optional(),
          modelInfo: z.object({ slug: short.optional(), name: short.optional(), short_name: short.optional() }).optional(),
          isRemoved: z.boolean().optional(),
        }),
      )
      .optional(),
    messages: z.record(
      key,
      z.object({
        id: short.optional(),
        characterId: short.optional(),
        type: short.optional(),
        content: text.optional(),
        reasoning: text.nullable().optional(),
        parentMessageId: short.nullable().optional(),
        createdAt: time,
        updatedAt: time,
        items: z.array(z.object({ id: short, sequenceIndex: z.number().optional() })).max(10_000).optional(),
        metadata: z
          .object({
            variantSlug: short.nullable().optional(),
            tokensCount: z.number().nullable().optional(),
            cost: z.union([short, z.number()]).nullable().optional(),
            generationId: short.nullable().optional(),
            duration: z.number().nullable().optional(),
          })
          .optional(),
      }),
    ),
    items: z
      .record(key, z.object({ messageId: short.optional(), data: z.object({ type: short.optional(), content: z.array(part).max(10_000).optional() }).optional() }))
      .optional(),
  });
}

const safeId = (raw: string, prefix: string, n: number) => (ID_PATTERN.test(raw) ? raw : `${prefix}_${n}`);

function toMs(v: string | number | undefined, fallback: number): number {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.max(0, Math.round(v < 1e12 ? v * 1000 : v));
  if (typeof v === 'string') {
    const t = Date.parse(v);
    if (Number.isFinite(t) && t >= 0) return t;
  }
  return fallback;
}

/** A non-negative USD figure from the file as µ$, through its decimal text (shared/billing/money.ts). */
function costMicros(v: string | number | null | undefined): number | undefined {
  const m = usdToMicros(v);
  return m !== undefined && m >= 0 ? m : undefined;
}

const has = (o: object | undefined, key: string) => !!o && Object.hasOwn(o, key);

function someIds(ids: string[]): string {
  const shown = ids.slice(0, 5).join(', ');
  return ids.length > 5 ? `${shown}, … (${ids.length} in all)` : shown;
}

/** Converts an OpenRouter Chatroom export into a Parley export (then validated like any Parley file), with the
 * repairs it made, for the user to read. */
export function convertOpenRouter(value: { version: string }, limits: ImportLimits, now = Date.now()): { value: unknown; warnings: string[] } {
  if (!SUPPORTED.has(value.version)) {
    throw new ImportError('unsupported-format', `This OpenRouter Chatroom export uses format ${value.version.slice(0, 40)}, which Parley cannot read yet (it reads orpg.1.0–3.0). Nothing was imported.`);
  }
  const parsed = orpgSchema(limits).safeParse(value);
  if (!parsed.success) {
    const details = describeIssues(parsed.error.issues);
    throw new ImportError('invalid', `This OpenRouter Chatroom export is malformed: ${details[0]}. Nothing was imported.`, details);
  }
  const data = parsed.data;
  // text kept in items the file does not hold cannot be repaired: refuse rather than import empty messages
  const lost = Object.entries(data.messages).flatMap(([key, m]) =>
    (m.items ?? []).filter((ref) => !has(data.items, ref.id)).map((ref) => `message ${key.slice(0, 80)} refers to item ${ref.id.slice(0, 80)}, which is not in the file`),
  );
  if (lost.length) {
    throw new ImportError('invalid', `This OpenRouter Chatroom export is incomplete: ${lost[0]}. Nothing was imported.`, lost);
  }
  const chars = Object.entries(data.characters ?? {});
  const columnIdOf = new Map<string, string>();
  const columns = chars.map(([key, c], i) => {
    const id = safeId(c.id ?? key, 'col', i + 1);
    columnIdOf.set(key, id);
    if (c.id) columnIdOf.set(c.id, id);
    const model = c.model || c.modelInfo?.slug || 'unknown';
    const label = c.modelInfo?.short_name || c.modelInfo?.name;
    return { id, model, ...(label ? { label } : {}), settings: {} };
  });

  const itemText = (ids: { id: string; sequenceIndex?: number }[] | undefined, kind: 'message' | 'reasoning') =>
    [...(ids ?? [])]
      .sort((a, b) => (a.sequenceIndex ?? 0) - (b.sequenceIndex ?? 0))
      .map((ref) => data.items?.[ref.id]?.data)
      .filter((d) => d && d.type === kind)
      .flatMap((d) => d!.content ?? [])
      .map((c) => c.text ?? '')
      .join('');

  interface Raw {
    key: string;
    id: string;
    role: 'user' | 'assistant';
    column: string | null;
    content: string;
    reasoning: string;
    parent: string | null;
    at: number;
    meta: NonNullable<(typeof data.messages)[string]['metadata']> | undefined;
  }
  const raws: Raw[] = Object.entries(data.messages).map(([key, m], i) => {
    const isUser = m.type ? m.type === 'user' : m.characterId === 'USER';
    const at = toMs(m.createdAt ?? m.updatedAt, now);
    return {
      key,
      id: safeId(m.id ?? key, 'msg', i + 1),
      role: isUser ? 'user' : 'assistant',
      column: isUser ? null : (columnIdOf.get(m.characterId ?? '') ?? null),
      content: m.items ? itemText(m.items, 'message') : (m.content ?? ''),
      reasoning: m.items ? itemText(m.items, 'reasoning') : (m.reasoning ?? ''),
      parent: m.parentMessageId ?? null,
      at,
      meta: m.metadata,
    };
  });
  raws.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : 1));
  const byKey = new Map<string, Raw>();
  for (const r of raws) {
    byKey.set(r.key, r);
    byKey.set(r.id, r);
  }
  if (!raws.some((r) => r.content.trim() || r.reasoning.trim())) {
    throw new ImportError('invalid', 'This OpenRouter Chatroom export holds no message text. Nothing was imported.');
  }
  const warnings: string[] = [];
  const unlisted = new Map<string, string[]>(); // character id → answers from it
  const noText = raws.filter((r) => !r.content.trim() && !r.reasoning.trim()).map((r) => r.key);
  const dangling = raws.filter((r) => r.parent !== null && !byKey.has(r.parent)).map((r) => r.key);
  // answers from characters the file doesn't list get a column of their own
  let extra = 0;
  for (const r of raws) {
    if (r.role === 'assistant' && !r.column) {
      const model = r.meta?.variantSlug || 'unknown';
      let col = columns.find((c) => c.model === model && c.id.startsWith('col_orphan'));
      if (!col) {
        col = { id: `col_orphan${++extra}`, model, ...(model === 'unknown' ? { label: 'Unknown model' } : {}), settings: {} };
        columns.push(col);
      }
      r.column = col.id;
      const who = (data.messages[r.key]?.characterId ?? '(none)').slice(0, 80);
      unlisted.set(who, [...(unlisted.get(who) ?? []), r.key]);
    }
  }
  for (const [who, keys] of unlisted) {
    warnings.push(`Character ${who} is not in the file: its answers were put in a column of their own, named after the model they report (or "Unknown model"): ${someIds(keys)}.`);
  }
  if (dangling.length) warnings.push(`These messages follow messages that are not in the file and were placed after the prompt before them in time: ${someIds(dangling)}.`);
  if (noText.length) warnings.push(`These messages hold no text Parley imports (only images, tool calls or other parts, or nothing) and were imported empty: ${someIds(noText)}.`);

  // Parley's tree: a prompt's parent is the previous prompt; an answer's parent is its prompt. OpenRouter links a
  // follow-up to an answer (or to nothing in older formats), so parents are resolved to the nearest prompt.
  const promptOf = (r: Raw | undefined): Raw | null => {
    let cur = r;
    for (let guard = 0; cur && guard < 10_000; guard++) {
      if (cur.role === 'user') return cur;
      cur = cur.parent ? byKey.get(cur.parent) : undefined;
    }
    return null;
  };
  const linked = raws.some((r) => r.parent !== null);
  const promptless: string[] = [];
  let lastPrompt: Raw | null = null;
  const messages: Record<string, unknown>[] = [];
  const placed = new Set<string>();
  raws.forEach((r) => {
    let parent: Raw | null;
    if (r.parent && byKey.has(r.parent)) parent = promptOf(byKey.get(r.parent));
    else if (r.parent) parent = lastPrompt; // its parent is not in the file: continue the thread in time order
    else if (linked) parent = r.role === 'user' ? null : lastPrompt; // a linked file's unparented prompt is a root
    else parent = lastPrompt; // older files have no links: one linear thread in time order
    if (parent && !placed.has(parent.id)) parent = r.role === 'assistant' ? lastPrompt : null;
    if (r.role === 'assistant' && !parent) {
      // an answer with no prompt before it (a greeting): give it an empty prompt rather than dropping it
      promptless.push(r.key);
      const synthetic: Raw = { key: `synthetic${messages.length}`, id: `msg_orpg_prompt${messages.length + 1}`, role: 'user', column: null, content: '', reasoning: '', parent: null, at: r.at, meta: undefined };
      messages.push({ id: synthetic.id, seq: messages.length + 1, parentId: lastPrompt?.id ?? null, columnId: null, role: 'user', content: '', status: 'done', createdAt: r.at, updatedAt: r.at });
      placed.add(synthetic.id);
      lastPrompt = synthetic;
      parent = synthetic;
    }
    const cost = costMicros(r.meta?.cost);
    const msg: Record<string, unknown> = {
      id: r.id,
      seq: messages.length + 1,
      parentId: parent ? parent.id : null,
      columnId: r.column,
      role: r.role,
      content: r.content,
      status: 'done',
      createdAt: r.at,
      updatedAt: r.at,
    };
    if (r.reasoning) msg.reasoning = r.reasoning;
    if (r.role === 'assistant') {
      const slug = r.meta?.variantSlug ?? columns.find((c) => c.id === r.column)?.model ?? 'unknown';
      msg.model = { requested: slug, used: slug, provider: null, upstream: 'openrouter' };
      msg.cost = cost !== undefined ? { costMicros: cost, costSource: 'upstream', reportedCostMicros: cost } : { costSource: 'none', costReason: 'no-usage' };
      if (r.meta?.generationId) msg.generationId = r.meta.generationId;
      if (typeof r.meta?.duration === 'number') msg.timings = { ttftMs: null, durationMs: r.meta.duration, tokensPerSecond: null };
      if (typeof r.meta?.tokensCount === 'number' && r.meta.tokensCount >= 0) {
        msg.tokens = { prompt: 0, completion: Math.round(r.meta.tokensCount), cacheRead: 0, cacheWrite: 0, reasoning: 0, estimated: true };
      }
    }
    placed.add(r.id);
    messages.push(msg);
    if (r.role === 'user') lastPrompt = r;
  });
  if (promptless.length) warnings.push(`These answers have no prompt before them and were each given an empty prompt: ${someIds(promptless)}.`);
  const first = messages[0] as { createdAt: number; content: string } | undefined;
  const last = messages[messages.length - 1] as { updatedAt: number } | undefined;
  const title = data.title || (first ? first.content.split('\n')[0]!.slice(0, 80) : 'OpenRouter chat');
  const converted = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    app: { name: `OpenRouter Chatroom (${value.version})` },
    conversations: [
      {
        id: `conv_or_${(messages[0]?.id as string | undefined)?.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 60) ?? now.toString(36)}`,
        title,
        createdAt: first?.createdAt ?? now,
        updatedAt: last?.updatedAt ?? now,
        columns,
        messages,
      },
    ],
  };
  return { value: converted, warnings };
}
