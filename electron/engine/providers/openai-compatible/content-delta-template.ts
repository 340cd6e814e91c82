import { obj, type Obj } from '../common/values';

// Nearly every chunk of a chat-completions stream is the chunk before it with another `delta.content` string:
// `{"id":"…",…,"choices":[{"index":0,"delta":{"content":"…"},"finish_reason":null}]}`. Once such a chunk has been
// parsed in full, the template keeps the text around its content string; a later chunk whose text around one JSON
// string is byte for byte the same has the same structure, so only that string needs parsing. Anything else
// (another field, a finish reason, usage, an error, whitespace that differs) misses and is parsed in full.

const LEARN_BUDGET = 4; // learning tries without a hit before giving up on a stream whose chunks all differ

export class ContentDeltaTemplate {
  private prefix = '';
  private suffix = '';
  private budget = LEARN_BUDGET;

  /** The content text of `data` when it is the learned chunk with another content string, else undefined. */
  match(data: string): string | undefined {
    const prefix = this.prefix;
    if (prefix === '') return undefined;
    const end = data.length - this.suffix.length;
    if (end - prefix.length < 2 || data.charCodeAt(prefix.length) !== 0x22 || data.charCodeAt(end - 1) !== 0x22) return undefined;
    // (slice and compare: startsWith walks a long prefix a character at a time)
    if (data.slice(0, prefix.length) !== prefix || data.slice(end) !== this.suffix) return undefined;
    const text = stringToken(data, prefix.length, end);
    if (text !== undefined) this.budget = LEARN_BUDGET;
    return text;
  }

  /** After a full parse: remember `data` as the template when its only content is `delta.content`. */
  learn(data: string, chunk: Obj): void {
    if (this.budget <= 0 || !onlyContent(chunk)) return;
    this.budget--;
    const key = data.lastIndexOf('"content"');
    if (key < 0) return;
    let start = key + 9;
    while (start < data.length && data.charCodeAt(start) !== 0x22) {
      const c = data[start];
      if (c !== ':' && c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return;
      start++;
    }
    let end = start + 1;
    for (; end < data.length; end++) {
      const c = data.charCodeAt(end);
      if (c === 0x5c) end++; // a backslash escapes the next character
      else if (c === 0x22) break;
    }
    if (end >= data.length) return;
    const prefix = data.slice(0, start);
    const suffix = data.slice(end + 1);
    // The string found must be the one at choices[0].delta.content: put another in its place and look.
    let probe: Obj | undefined;
    try {
      probe = obj(JSON.parse(`${prefix}"\\u0000"${suffix}`));
    } catch {
      return;
    }
    if (!probe || !onlyContent(probe) || contentOf(probe) !== '\u0000') return;
    this.prefix = prefix;
    this.suffix = suffix;
  }
}

/** The value of `data[start, end)` when that is exactly one JSON string token. Plain text (no quote, backslash or
 * control character inside) is taken as it stands; anything else is left to JSON.parse. */
function stringToken(data: string, start: number, end: number): string | undefined {
  let plain = true;
  for (let i = start + 1; i < end - 1; i++) {
    const c = data.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c < 0x20) {
      plain = false;
      break;
    }
  }
  if (plain) return data.slice(start + 1, end - 1);
  try {
    const v: unknown = JSON.parse(data.slice(start, end)); // exactly one token, or it throws
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

function contentOf(chunk: Obj): unknown {
  const choices = chunk.choices as unknown[];
  return obj(obj(choices[0])?.delta)?.content;
}

/** A chunk that makes no event but a text delta: one choice whose delta holds only `content` (a string), no
 * finish reason, no usage, no error. */
function onlyContent(chunk: Obj): boolean {
  if ((chunk.error !== undefined && chunk.error !== null) || (chunk.usage !== undefined && chunk.usage !== null)) return false;
  const choices = chunk.choices;
  if (!Array.isArray(choices) || choices.length !== 1) return false;
  const choice = obj(choices[0]);
  const fr = choice?.finish_reason;
  if (!choice || (typeof fr === 'string' && fr !== '')) return false;
  const delta = obj(choice.delta);
  if (!delta) return false;
  let keys = 0;
  for (const k in delta) {
    if (k !== 'content') return false;
    keys++;
  }
  return keys === 1 && typeof delta.content === 'string';
}
