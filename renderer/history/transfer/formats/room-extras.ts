import { z } from 'zod';
import type { ExportFields } from './export-fields';
import type { ConversationRow, MessageRow } from '../../db/types';

// The fields of a room and a prompt that replays, pinned providers and the context window added (docs/export-format.md):
// their export schema, and how an import carries them over. Links to other rooms (a replay's originals) are kept as
// written; a link into this room (the first message a column kept) follows the message ids the import gave out.

export function roomExtraSchemas(f: ExportFields) {
  const { id, short, count, limitedRecord } = f;
  const link = z.object({ conversationId: id, promptId: id });
  const room = {
    contextOverflow: z.enum(['drop-oldest', 'stop']).optional(),
    contextDropped: limitedRecord(id, z.object({ model: short, keptFromId: id, droppedTurns: count }), 1000).optional(),
    pinProviders: z.boolean().optional(),
    replay: z
      .object({
        sources: z.array(link.extend({ excerpt: short })).max(100_000),
        next: count,
        state: z.enum(['running', 'paused', 'done']),
      })
      .refine((r) => r.next <= r.sources.length, 'replay.next is past its last prompt')
      .optional(),
  };
  const message = { replayOf: link.optional() };
  return { room, message };
}

type RoomExtras = Pick<ConversationRow, 'contextOverflow' | 'contextDropped' | 'pinProviders' | 'replay'>;

/** Copies the room's extras onto the imported row; a dropped-context mark whose message is not in the file is left out. */
export function importRoomExtras(from: RoomExtras, to: ConversationRow, msgId: (old: string) => string, has: (old: string) => boolean): void {
  if (from.contextOverflow !== undefined) to.contextOverflow = from.contextOverflow;
  if (from.pinProviders !== undefined) to.pinProviders = from.pinProviders;
  if (from.replay !== undefined) to.replay = { sources: from.replay.sources.map((s) => ({ ...s })), next: from.replay.next, state: from.replay.state };
  if (from.contextDropped !== undefined) {
    const marks: NonNullable<ConversationRow['contextDropped']> = {};
    for (const [column, mark] of Object.entries(from.contextDropped)) if (has(mark.keptFromId)) marks[column] = { ...mark, keptFromId: msgId(mark.keptFromId) };
    to.contextDropped = marks;
  }
}

export function importMessageExtras(from: Pick<MessageRow, 'replayOf'>, to: MessageRow): void {
  if (from.replayOf !== undefined) to.replayOf = { ...from.replayOf };
}
