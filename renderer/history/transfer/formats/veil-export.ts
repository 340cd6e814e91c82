import { isVeiledRecord, type Veil } from '../../../common/room/blind-veil';
import type { ExportedConversation, ExportedMessage } from './export-format';

// What a JSON export the user asks for holds of a blind turn not voted on yet (docs/export-format.md, "Blind
// turns"): every answer, under the letter it is shown under, and nothing that says which model wrote it. Model,
// tokens, cost, timings, error text and the ledger rows go; the column becomes "blind-<letter>" (a column names
// its model); the answers' seq numbers are dealt out again in letter order (they were given in column order).

/** The column id a veiled answer is exported (and imported) under. */
export const blindColumnId = (letter: string): string => `blind-${letter}`;

function veiledMessage(m: ExportedMessage, letter: string, seq: number): ExportedMessage {
  const out: ExportedMessage = {
    id: m.id,
    seq,
    parentId: m.parentId,
    columnId: blindColumnId(letter),
    role: m.role,
    content: m.content,
    status: m.status,
    blindLetter: letter,
    createdAt: m.createdAt,
    updatedAt: m.createdAt,
  };
  if (m.reasoning !== undefined) out.reasoning = m.reasoning;
  if (m.attachments !== undefined) out.attachments = m.attachments;
  if (m.images !== undefined) out.images = m.images;
  if (m.sources !== undefined) out.sources = m.sources; // what the answer cites names no model
  if (m.toolSteps !== undefined) out.toolSteps = m.toolSteps.map((st) => ({ ...st, record: null })); // each step's record names the model
  if (m.status === 'error') out.error = { message: 'The answer failed.' };
  return out;
}

export function veilExportedConversation(conv: ExportedConversation, veil: Veil): ExportedConversation {
  if (veil.letters.size === 0) return conv;
  // each veiled turn's seq numbers, handed out again by letter (then by age, so siblings keep their order)
  const byPrompt = new Map<string, ExportedMessage[]>();
  for (const m of conv.messages) {
    if (!veil.letters.has(m.id) || m.parentId === null) continue;
    const list = byPrompt.get(m.parentId);
    if (list) list.push(m);
    else byPrompt.set(m.parentId, [m]);
  }
  const newSeq = new Map<string, number>();
  for (const list of byPrompt.values()) {
    const seqs = list.map((m) => m.seq).sort((a, b) => a - b);
    const letterOf = (m: ExportedMessage) => veil.letters.get(m.id)!;
    const ordered = [...list].sort((a, b) => letterOf(a).length - letterOf(b).length || letterOf(a).localeCompare(letterOf(b)) || a.seq - b.seq);
    ordered.forEach((m, i) => newSeq.set(m.id, seqs[i]!));
  }
  const messages = conv.messages
    .map((m) => {
      const letter = veil.letters.get(m.id);
      return letter === undefined ? m : veiledMessage(m, letter, newSeq.get(m.id) ?? m.seq);
    })
    .sort((a, b) => a.seq - b.seq);
  const out: ExportedConversation = {
    ...conv,
    messages,
    generations: conv.generations.filter((g) => !isVeiledRecord(veil, g)),
  };
  if (conv.selection) {
    const selection: Record<string, string> = {};
    for (const [key, chosen] of Object.entries(conv.selection)) {
      const letter = veil.letters.get(chosen);
      selection[letter === undefined ? key : `${key.slice(0, key.lastIndexOf('/'))}/${blindColumnId(letter)}`] = chosen;
    }
    out.selection = selection;
  }
  return out;
}
