// "$$x$$" alone on a line is display math as people write it, but remark-math reads a one-line "$$…$$" as inline
// math. Such a line becomes a "$$" block (outside code fences), so it is centred on its own line.

const ONE_LINE_DISPLAY = /^(\s{0,3})\$\$(?!\$)(.*\S.*?)\$\$\s*$/;

export function displayMathOnOwnLine(text: string): string {
  if (!text.includes('$$')) return text;
  let fence: string | null = null;
  return text
    .split('\n')
    .map((line) => {
      const t = line.trimStart();
      const mark = /^(`{3,}|~{3,})/.exec(t);
      if (fence) {
        if (t.startsWith(fence) && t.slice(fence.length).trim() === '') fence = null;
        return line;
      }
      if (mark) {
        fence = mark[1]!;
        return line;
      }
      const m = ONE_LINE_DISPLAY.exec(line);
      return m ? `${m[1]}$$\n${m[1]}${m[2]!.trim()}\n${m[1]}$$` : line;
    })
    .join('\n');
}
