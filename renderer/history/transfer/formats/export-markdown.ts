import { getConversation } from '../../db/conversations';
import { sourcesMarkdown } from '../../../common/web-search/sources-markdown';
import { NotFoundError } from '../../db/errors';
import { getActivePath } from '../../db/branches';
import { FUSED_COLUMN_ID } from '../../db/group-id';
import type { ColumnConfig, MessageRow } from '../../db/types';
import { shownCost, shownCostLabel } from '../../../../shared/billing/shown-cost';
import { BLIND_NOTICE } from '../../../common/room/blind-veil';
import { loadVeil } from '../../../common/room/use-veil';

// Markdown export of the shown branch: one section per column, each holding the dialogue as that column's model
// saw it (every prompt, then that column's shown answer). A blind turn not voted on yet is in no column's section:
// its answers are listed under their letters in a section of their own, without model, cost or timings.

function answerFooter(m: MessageRow): string {
  const parts: string[] = [];
  if (m.model?.used && m.model.used !== m.model.requested) parts.push(`answered by ${m.model.used}`);
  if (m.tokens) parts.push(`${m.tokens.prompt} tokens in / ${m.tokens.completion} out`);
  if (m.cost) parts.push(shownCostLabel(shownCost({ ...m.cost, tokens: m.tokens ?? null })));
  if (m.timings?.durationMs != null) parts.push(`${(m.timings.durationMs / 1000).toFixed(1)} s`);
  return parts.length ? `\n\n_${parts.join(' · ')}_` : '';
}

/** How the answer ended, in the room's words: a stopped answer is "Stopped", not the cancellation error. */
function statusLine(m: MessageRow): string {
  switch (m.status) {
    case 'stopped':
      return '\n\n_Stopped._';
    case 'error':
      return `\n\n_Error: ${m.error?.message ?? 'the answer failed'}_`;
    case 'interrupted':
      return `\n\n_Interrupted: ${m.error?.message ?? 'Parley closed while this answer was streaming.'}_`;
    case 'streaming':
      return '\n\n_Still streaming when exported._';
    default:
      return '';
  }
}

function heading(col: ColumnConfig): string {
  return col.label ? `${col.label} (\`${col.model}\`)` : `\`${col.model}\``;
}

function attachmentsLine(m: MessageRow): string {
  return m.attachments?.length ? `\n\n_Attachments: ${m.attachments.map((a) => a.name).join(', ')}_` : '';
}

export async function exportMarkdown(conversationId: string, opts: { now?: number } = {}): Promise<string> {
  const conv = await getConversation(conversationId);
  if (!conv) throw new NotFoundError(`conversation ${conversationId} not found`);
  const path = await getActivePath(conversationId);
  const veil = await loadVeil(undefined, [conversationId]);
  const veiled = (promptId: string) => veil.prompts.has(promptId);
  // answers imported from such an export: their letter is all that is known of who wrote them
  const letterOf = (m: MessageRow) => veil.letters.get(m.id) ?? m.blindLetter;
  const out: string[] = [`# ${conv.title || 'Untitled conversation'}`, ''];
  out.push(`_Exported from Parley on ${new Date(opts.now ?? Date.now()).toISOString().slice(0, 10)} · ${conv.columns.length} column(s) · shown branch only_`, '');
  for (const col of conv.columns) {
    out.push(`## ${heading(col)}`, '');
    if (col.settings.systemPrompt) out.push(`> **System prompt:** ${col.settings.systemPrompt.replace(/\n/g, '\n> ')}`, '');
    for (const turn of path.turns) {
      out.push('### You', '', `${turn.user.content}${attachmentsLine(turn.user)}`, '');
      const answer = turn.answers.find((a) => a.columnId === col.id)?.message;
      out.push(`### ${col.label ?? col.model}`, '');
      if (veiled(turn.user.id)) {
        out.push(`_Hidden (${BLIND_NOTICE}): the answers are under “Blind turns” below._`, '');
        continue;
      }
      if (!answer) {
        out.push('_(no answer)_', '');
        continue;
      }
      if (answer.reasoning) out.push('<details><summary>Reasoning</summary>', '', answer.reasoning, '', '</details>', '');
      out.push(`${answer.content || '_(empty)_'}${sourcesMarkdown(answer.sources)}${statusLine(answer)}${answerFooter(answer)}`, '');
    }
  }
  const blindTurns = path.turns.filter((t) => veiled(t.user.id) || t.answers.some((a) => a.message.blindLetter !== undefined));
  if (blindTurns.length) {
    out.push(`## Blind turns (${BLIND_NOTICE})`, '');
    for (const turn of blindTurns) {
      out.push('### You', '', `${turn.user.content}${attachmentsLine(turn.user)}`, '');
      const lettered = turn.answers.flatMap((a) => {
        const letter = letterOf(a.message);
        return letter === undefined ? [] : [{ letter, answer: a.message }];
      });
      lettered.sort((a, b) => a.letter.length - b.letter.length || a.letter.localeCompare(b.letter));
      for (const { letter, answer } of lettered) {
        out.push(`### Answer ${letter}`, '');
        if (answer.reasoning) out.push('<details><summary>Reasoning</summary>', '', answer.reasoning, '', '</details>', '');
        out.push(`${answer.content || '_(empty)_'}${sourcesMarkdown(answer.sources)}${answer.status === 'error' ? '\n\n_The answer failed._' : statusLine(answer)}`, '');
      }
    }
  }
  const fused = path.turns.flatMap((t) => {
    const f = t.answers.find((a) => a.columnId === FUSED_COLUMN_ID)?.message;
    return f ? [{ prompt: t.user, answer: f }] : [];
  });
  if (fused.length) {
    out.push('## Fused answers', '');
    for (const { prompt, answer } of fused) {
      out.push('### You', '', `${prompt.content}${attachmentsLine(prompt)}`, '');
      out.push(`### Fused by \`${answer.model?.requested ?? 'unknown model'}\` from ${answer.fused?.sources.length ?? 0} answers`, '');
      out.push(`${answer.content || '_(empty)_'}${sourcesMarkdown(answer.sources)}${answer.error ? `\n\n_Error: ${answer.error.message}_` : ''}${answerFooter(answer)}`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
