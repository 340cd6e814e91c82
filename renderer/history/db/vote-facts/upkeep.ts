import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { GenerationRow, MessageRow } from '../types';
import { factsOf, hasFact, keysOf } from './derive';
import { decodePack, encodePack } from './pack-codec';
import { VOTE_FACT_KEYS_TABLE, VOTE_FACTS_TABLE, type VoteFact, type VoteFactKeys, type VoteFactPack } from './types';

// Keeps the vote facts true on every write, whoever makes it: a Dexie middleware adds the facts tables (and the
// other source) to each read-write transaction over `messages` or `generations`, and after each write to either table rewrites the
// facts it changes, in that same transaction (so they commit, or roll back, together). Writes to facts run one at
// a time per transaction and read the sources as they are by then, so writes issued side by side (an import
// writing messages and ledger rows at once) cannot leave a fact built from a half-written state.
//   messages: a prompt written (or deleted) → its fact is built again from the row as stored (or removed).
//     Answers written without a vote change no fact and cost nothing (the streaming checkpoints).
//   generations: a ledger row written or deleted → the facts whose answers name it, took figures from it, or are
//     linked to it are built again.
//   a range delete (clear) of either → every fact is dropped; read.ts rebuilds them (their count no longer matches).

const SOURCES = new Set(['messages', 'generations']);
/** beyond this many keys, one read of every pack beats an index read per key */
const PER_KEY_LOOKUPS = 48;

const equal = (key: unknown): DBCoreKeyRange => ({ type: 1 as DBCoreRangeType, lower: key, upper: key });
const ANY: DBCoreKeyRange = { type: 3 as DBCoreRangeType, lower: undefined, upper: undefined };

interface Pending {
  queue: Promise<void>;
}

export function voteFactsUpkeep(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'parley-vote-facts',
    // right on IndexedDB, below Dexie's own middlewares (hooks, live-query cache: levels 0–2), which need Dexie's
    // transaction zone and scope: the facts' reads and writes here belong to the IndexedDB transaction only
    level: -1,
    create(down) {
      const tracked = new WeakMap<DBCoreTransaction, Pending>();
      const hasFacts = () => down.schema.tables.some((t) => t.name === VOTE_FACTS_TABLE);
      const upkeep = (trans: DBCoreTransaction) => createUpkeep(down, trans);
      return {
        ...down,
        transaction(stores, mode, options) {
          const writesSources = mode === 'readwrite' && stores.some((s) => SOURCES.has(s)) && hasFacts();
          // the upkeep reads both sources and writes the facts, whichever source the transaction writes
          const scope = writesSources ? [...new Set([...stores, ...SOURCES, VOTE_FACTS_TABLE, VOTE_FACT_KEYS_TABLE])] : stores;
          const trans = down.transaction(scope, mode, options);
          if (writesSources) tracked.set(trans, { queue: Promise.resolve() });
          return trans;
        },
        table(name): DBCoreTable {
          const table = down.table(name);
          if (!SOURCES.has(name)) return table;
          return {
            ...table,
            async mutate(req) {
              const pending = tracked.get(req.trans);
              if (!pending) return table.mutate(req); // not ours: the schema upgrade, or a database without facts
              const res = await table.mutate(req);
              const run = pending.queue.then(() => upkeep(req.trans).after(name, req));
              pending.queue = run.catch(() => undefined);
              await run;
              return res;
            },
          };
        },
      };
    },
  };
}

function createUpkeep(core: DBCore, trans: DBCoreTransaction) {
  const messages = core.table('messages');
  const generations = core.table('generations');
  const facts = core.table(VOTE_FACTS_TABLE);
  const factKeys = core.table(VOTE_FACT_KEYS_TABLE);
  const byMessage = generations.schema.getIndexByKeyPath('messageId')!;

  const ledger = {
    byIds: (ids: string[]) => generations.getMany({ trans, keys: ids }) as Promise<(GenerationRow | undefined)[]>,
    linkedTo: async (mids: string[]) =>
      (await Promise.all(mids.map((m) => generations.query({ trans, values: true, query: { index: byMessage, range: equal(m) } })))).flatMap((r) => r.result as GenerationRow[]),
  };

  /** The rooms' facts, by conversation. */
  async function factsIn(conversationIds: string[]): Promise<Map<string, VoteFact[]>> {
    const packs = conversationIds.length ? ((await facts.getMany({ trans, keys: conversationIds })) as (VoteFactPack | undefined)[]) : [];
    return new Map(conversationIds.map((c, i) => [c, packs[i] ? decodePack(packs[i]) : []]));
  }

  /** The rooms whose fact keys `index` hold any of `keys`, with their facts. */
  async function packsWith(index: 'promptIds' | 'gens' | 'mids', keys: string[]): Promise<Map<string, VoteFact[]>> {
    if (!keys.length) return new Map();
    let ids: string[];
    if (keys.length > PER_KEY_LOOKUPS) {
      const wanted = new Set(keys);
      const all = (await factKeys.query({ trans, values: true, query: { index: factKeys.schema.primaryKey, range: ANY } })).result as VoteFactKeys[];
      ids = all.filter((k) => k[index].some((x) => wanted.has(x))).map((k) => k.conversationId);
    } else {
      const idx = factKeys.schema.getIndexByKeyPath(index)!;
      const found = await Promise.all(keys.map((k) => factKeys.query({ trans, values: false, query: { index: idx, range: equal(k) } })));
      ids = [...new Set(found.flatMap((r) => r.result as string[]))];
    }
    return factsIn(ids);
  }

  /** Builds the facts of these prompts again from their rows as stored now, and writes the packs that changed. */
  async function refresh(promptIds: Set<string>, packs: Map<string, VoteFact[]>): Promise<void> {
    if (!promptIds.size) return;
    const ids = [...promptIds];
    const rows = ((await messages.getMany({ trans, keys: ids })) as (MessageRow | undefined)[]).filter((m): m is MessageRow => !!m && hasFact(m));
    const missing = [...new Set(rows.map((r) => r.conversationId))].filter((c) => !packs.has(c));
    for (const [c, list] of await factsIn(missing)) packs.set(c, list);
    const built = await factsOf(rows, ledger);
    const conversationOf = new Map(rows.map((r) => [r.id, r.conversationId]));
    const next = new Map<string, VoteFact[]>();
    const changed = new Set<string>();
    for (const [c, list] of packs) {
      const kept = list.filter((f) => !promptIds.has(f.promptId));
      if (kept.length !== list.length) changed.add(c);
      next.set(c, kept);
    }
    for (const f of built) {
      const c = conversationOf.get(f.promptId)!;
      next.get(c)!.push(f);
      changed.add(c);
    }
    const puts: [string, VoteFact[]][] = [];
    const deletes: string[] = [];
    for (const c of changed) {
      const list = next.get(c)!;
      if (list.length) puts.push([c, list]);
      else deletes.push(c);
    }
    await Promise.all([
      puts.length ? facts.mutate({ trans, type: 'put', values: puts.map(([c, list]) => encodePack(c, list)) }) : null,
      puts.length ? factKeys.mutate({ trans, type: 'put', values: puts.map(([c, list]) => keysOf(c, list)) }) : null,
      deletes.length ? facts.mutate({ trans, type: 'delete', keys: deletes }) : null,
      deletes.length ? factKeys.mutate({ trans, type: 'delete', keys: deletes }) : null,
    ]);
  }

  async function after(table: string, req: DBCoreMutateRequest): Promise<void> {
    if (req.type === 'deleteRange') {
      await Promise.all([facts.mutate({ trans, type: 'deleteRange', range: ANY }), factKeys.mutate({ trans, type: 'deleteRange', range: ANY })]);
      return;
    }
    if (table === 'messages') {
      let ids: string[];
      if (req.type === 'delete') ids = req.keys.map(String);
      else {
        const values = req.values as Partial<MessageRow>[];
        if (!values.length && req.keys?.length) ids = req.keys.map(String); // a write by key alone: look at each
        else ids = values.filter((m) => m.role !== 'assistant' || m.vote !== undefined).map((m) => String(m.id));
      }
      if (!ids.length) return;
      const holding = await packsWith('promptIds', ids);
      await refresh(new Set(ids), holding);
      return;
    }
    // generations
    let gids: string[];
    let mids: string[] = [];
    if (req.type === 'delete') gids = req.keys.map(String);
    else {
      const values = req.values as Partial<GenerationRow>[];
      gids = values.length ? values.map((g) => String(g.id)) : (req.keys ?? []).map(String);
      mids = values.flatMap((g) => (typeof g.messageId === 'string' ? [g.messageId] : []));
    }
    const packs = await packsWith('gens', gids);
    for (const [c, list] of await packsWith('mids', mids)) packs.set(c, list);
    if (!packs.size) return;
    const g = new Set(gids);
    const m = new Set(mids);
    const touched = new Set<string>();
    for (const list of packs.values()) {
      for (const f of list) {
        if (f.vote.answers.some((a) => (a.generationId !== undefined && g.has(a.generationId)) || (a.rowId !== undefined && g.has(a.rowId)) || m.has(a.messageId))) touched.add(f.promptId);
      }
    }
    await refresh(touched, packs);
  }

  return { after };
}
