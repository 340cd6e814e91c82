// A deterministic voting history for the leaderboard benchmark: rooms of three columns drawn from a pool of
// models with hidden strengths, votes drawn from those strengths (some ties and all-bad), one ledger row per
// answer voted on, and unrelated ledger rows (other apps, unvoted answers) to reach the generation count.
// Shared by the Node measure and, serialised, by the in-page seeding (which must not import anything).

export interface CorpusSpec {
  votes: number;
  generations: number;
  models: number;
  rooms: number;
  /** first vote time; votes are one minute apart */
  start: number;
  /** model slugs to use instead of bench/model-01… (screenshots) */
  names?: string[];
}

export function corpusSource(): string {
  return `(${makeCorpus.toString()})`;
}

/** Rows as the app stores them: conversations, prompt + answer messages (prompts carry the vote), generations. */
export function makeCorpus(s: CorpusSpec) {
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const models = Array.from({ length: s.models }, (_, i) => s.names?.[i] ?? `bench/model-${String(i + 1).padStart(2, '0')}`);
  const strength = models.map((_, i) => (i - s.models / 2) / 6);
  const conversations = Array.from({ length: s.rooms }, (_, r) => ({
    id: `bench-room-${r}`, title: `Bench room ${r}`, createdAt: s.start, updatedAt: s.start + s.votes * 60_000, columns: [0, 1, 2].map((c) => ({ id: `bench-room-${r}-col${c}`, model: models[(r * 3 + c) % s.models]!, settings: {} })),
    lastSeq: 0, headId: null as string | null, selection: {}, pendingContinueFromId: null, ...(r % 2 ? { blind: true } : {}),
  }));
  const messages: Record<string, unknown>[] = [];
  const generations: Record<string, unknown>[] = [];
  const lastPrompt = new Map<string, string | null>();
  for (let v = 0; v < s.votes; v++) {
    const room = conversations[v % s.rooms]!;
    const at = s.start + v * 60_000;
    const parent = lastPrompt.get(room.id) ?? null;
    const promptId = `bench-p${v}`;
    const seq = room.lastSeq + 1;
    // each room's columns get a fresh model now and then, so every model meets many others
    const picks = [0, 1, 2].map((c) => models[(v * 7 + c * 5 + Math.floor(rand() * 3)) % s.models]!);
    const distinct = [...new Set(picks)];
    while (distinct.length < 3) distinct.push(models[(models.indexOf(distinct[distinct.length - 1]!) + 1) % s.models]!);
    const answers = distinct.map((model, c) => ({ messageId: `bench-a${v}-${c}`, columnId: room.columns[c]!.id, model, generationId: `bench-g${v}-${c}`, label: 'ABC'[c]! }));
    const roll = rand();
    let vote: Record<string, unknown>;
    if (roll < 0.08) vote = { verdict: 'tie', answers, blind: !!room.blind, at };
    else if (roll < 0.12) vote = { verdict: 'all-bad', answers, blind: !!room.blind, at };
    else {
      const weights = answers.map((a) => Math.exp(strength[models.indexOf(a.model)]!));
      let x = rand() * weights.reduce((t, w) => t + w, 0);
      let w = 0;
      while (x > weights[w]! && w < weights.length - 1) x -= weights[w++]!;
      vote = { verdict: 'best', winnerId: answers[w]!.messageId, answers, blind: !!room.blind, at };
    }
    messages.push({
      id: promptId, conversationId: room.id, seq, parentId: parent, groupId: `${parent ?? `root:${room.id}`}/user`, columnId: null, role: 'user',
      content: `Benchmark question ${v}: which approach fits best?`, status: 'done', createdAt: at, updatedAt: at, ...(room.blind ? { blind: true } : {}), vote,
    });
    answers.forEach((a, c) => {
      messages.push({
        id: a.messageId, conversationId: room.id, seq: seq + 1 + c, parentId: promptId, groupId: `${promptId}/${a.columnId}`, columnId: a.columnId, role: 'assistant',
        content: `Answer ${v}.${c}`, status: 'done', createdAt: at, updatedAt: at, generationId: a.generationId,
        model: { requested: a.model, used: a.model, provider: 'BenchProvider', upstream: 'bench' },
      });
    });
    room.lastSeq = seq + answers.length;
    room.headId = promptId;
    lastPrompt.set(room.id, promptId);
    for (const a of answers) generations.push(generation(a.generationId, a.model, at, room.id, a.messageId));
  }
  for (let g = generations.length; g < s.generations; g++) generations.push(generation(`bench-other-${g}`, models[g % s.models]!, s.start + g * 1000));

  function generation(id: string, model: string, createdAt: number, conversationId?: string, messageId?: string) {
    const i = models.indexOf(model);
    const priced = rand() > 0.03;
    const cost = 200 + i * 37 + Math.floor(rand() * 400);
    return {
      id, createdAt, requestedModel: model, model, upstreamId: 'openrouter', upstreamKind: 'openrouter', provider: 'BenchProvider', attempts: [],
      tokens: { prompt: 800, completion: 300, cacheRead: 0, cacheWrite: 0, reasoning: 0 },
      ...(priced ? { costMicros: cost, computedCostMicros: cost, costSource: 'computed' } : { costSource: 'none', costReason: 'no-pricing' }),
      ttftMs: 150 + i * 20 + Math.floor(rand() * 300), durationMs: 3000, tokensPerSecond: 30 + i * 3 + rand() * 20, finishReason: 'stop', nativeFinishReason: 'stop',
      isByok: false, streamed: true, cancelled: false, fallbackUsed: false, source: 'app', ...(conversationId ? { conversationId, messageId } : {}),
    };
  }
  return { conversations, messages, generations };
}
