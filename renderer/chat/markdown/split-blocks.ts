/** Splits markdown into top-level blocks at blank lines outside code fences and $$ math (never before an indented
 * line), so a streaming answer re-parses only its last block while the earlier ones stay memoized. */
export function splitBlocks(text: string): string[] {
  const lines = text.split('\n');
  const blocks: string[] = [];
  let cur: string[] = [];
  let fence: string | null = null;
  let math = false;
  for (const line of lines) {
    const t = line.trimStart();
    if (!fence && !math && cur.length === 0 && blocks.length > 0 && t !== '' && t !== line) {
      // an indented line after a blank one belongs to the block before (a list item's next paragraph, code)
      cur = [blocks.pop()!, ''];
    }
    if (fence) {
      if (t.startsWith(fence) && t.slice(fence.length).trim() === '') fence = null;
    } else if (math) {
      if (t.startsWith('$$')) math = false;
    } else {
      const m = /^(`{3,}|~{3,})/.exec(t);
      if (m) fence = m[1]!;
      else if (t.startsWith('$$') && !(t.length > 2 && t.trimEnd().endsWith('$$') && t.trim().length > 4)) math = true;
      else if (t === '' && cur.length > 0) {
        blocks.push(cur.join('\n'));
        cur = [];
        continue;
      }
    }
    if (t === '' && cur.length === 0 && !fence && !math) continue;
    cur.push(line);
  }
  if (cur.length) blocks.push(cur.join('\n'));
  return blocks;
}
