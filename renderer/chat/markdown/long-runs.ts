import { splitBlocks } from './split-blocks';

// A model can answer with one line of hundreds of kilobytes without a space (base64, minified code, a hostile
// server). Handed whole to markdown and to the browser, such a line costs a parse that grows with every streamed
// delta and one layout of the entire text node (the answer wraps `overflow-wrap: anywhere`), i.e. seconds of a
// frozen window. Blocks holding such a run are shown as plain text cut into bounded chunks instead; everything
// else goes through markdown exactly as before.

/** Non-whitespace characters in a row from which a block is shown as chunked plain text. Longer than any URL or
 * paragraph of unspaced script a model writes; a run this long costs markdown and layout next to nothing. */
export const LONG_RUN = 5000;
/** Characters per chunk: each chunk is laid out on its own, and only when near the viewport. */
export const CHUNK_CHARS = 4096;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11;

/** Whether text holds a run of at least `limit` characters without whitespace (one linear pass). */
export function hasLongRun(text: string, limit = LONG_RUN): boolean {
  if (text.length < limit) return false;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) run = 0;
    else if (++run >= limit) return true;
  }
  return false;
}

export type Segment = { long: false; text: string } | { long: true; text: string };

/**
 * The text as markdown segments and long blocks, in order; null when nothing in it is long (the caller renders
 * the text as one markdown document, as always). Neighbouring short blocks stay together in one segment.
 */
export function longSegments(text: string): Segment[] | null {
  if (!hasLongRun(text)) return null;
  const out: Segment[] = [];
  let short: string[] = [];
  const flush = () => {
    if (short.length) out.push({ long: false, text: short.join('\n\n') });
    short = [];
  };
  for (const b of splitBlocks(text)) {
    if (hasLongRun(b)) {
      flush();
      out.push({ long: true, text: b });
    } else short.push(b);
  }
  flush();
  return out;
}

/** A fenced code block's language and body (the fences removed; an unclosed fence is still streaming). */
export function fencedCode(block: string): { lang: string; code: string } | null {
  const m = /^ {0,3}(`{3,}|~{3,})([^\n]*)(?:\n|$)/.exec(block);
  if (!m) return null;
  let body = block.slice(m[0].length);
  const close = body.lastIndexOf('\n');
  const last = close < 0 ? body : body.slice(close + 1);
  if (last.trim().startsWith(m[1]!) && /^[`~]+$/.test(last.trim())) body = close < 0 ? '' : body.slice(0, close);
  return { lang: m[2]!.trim().split(/\s+/)[0] ?? '', code: body };
}

/**
 * Cuts text into pieces of at most `size` characters, after a whitespace in the last quarter of a piece when
 * there is one, never inside a surrogate pair. A piece depends only on the text before its end, so pieces of a
 * growing text stay the same once complete.
 */
export function chunkText(text: string, size = CHUNK_CHARS): string[] {
  const out: string[] = [];
  let at = 0;
  while (text.length - at > size) {
    let end = at + size;
    for (let i = end - 1; i >= at + (size * 3) / 4; i--) {
      if (isSpace(text.charCodeAt(i))) {
        end = i + 1;
        break;
      }
    }
    const c = text.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end--;
    out.push(text.slice(at, end));
    at = end;
  }
  if (at < text.length || out.length === 0) out.push(text.slice(at));
  return out;
}
