// Server-sent event framing for what Parley emits (local API, fake upstreams).

export interface SseOut {
  event?: string;
  data: string;
  id?: string;
}

/** One event, `data` split over several `data:` lines when it contains line breaks. */
export function encodeSse(ev: SseOut | string): string {
  if (typeof ev === 'string') return ev.indexOf('\n') === -1 && ev.indexOf('\r') === -1 ? `data: ${ev}\n\n` : frameData(ev, '');
  let head = '';
  if (ev.event !== undefined) head += `event: ${ev.event}\n`;
  if (ev.id !== undefined) head += `id: ${ev.id}\n`;
  const data = ev.data;
  if (data.indexOf('\n') === -1 && data.indexOf('\r') === -1) return `${head}data: ${data}\n\n`;
  return frameData(data, head);
}

function frameData(data: string, head: string): string {
  return `${head}${data.split(/\r\n|\r|\n/).map((l) => `data: ${l}`).join('\n')}\n\n`;
}

/** A comment line (ignored by every SSE client; used as keep-alive). */
export function encodeSseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

export const SSE_DONE = 'data: [DONE]\n\n';
