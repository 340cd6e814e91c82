/** Rewrites each line of markdown that lies outside fenced code (``` or ~~~ blocks); fence lines and the code
 * between them are kept as written. An unclosed fence (a streaming answer) runs to the end of the text. */
export function mapLinesOutsideFences(text: string, rewrite: (line: string) => string): string {
  let fence: string | null = null;
  return text
    .split('\n')
    .map((line) => {
      const t = line.trimStart();
      if (fence) {
        if (t.startsWith(fence) && t.slice(fence.length).trim() === '') fence = null;
        return line;
      }
      const mark = /^(`{3,}|~{3,})/.exec(t);
      if (mark) {
        fence = mark[1]!;
        return line;
      }
      return rewrite(line);
    })
    .join('\n');
}
