// "$$x$$" alone on a line is display math as people write it, but remark-math reads a one-line "$$…$$" as inline
// math. Such a line becomes a "$$" block (outside code fences), so it is centred on its own line.

import { mapLinesOutsideFences } from './outside-fences';

const ONE_LINE_DISPLAY = /^(\s{0,3})\$\$(?!\$)(.*\S.*?)\$\$\s*$/;

export function displayMathOnOwnLine(text: string): string {
  if (!text.includes('$$')) return text;
  return mapLinesOutsideFences(text, (line) => {
    const m = ONE_LINE_DISPLAY.exec(line);
    return m ? `${m[1]}$$\n${m[1]}${m[2]!.trim()}\n${m[1]}$$` : line;
  });
}
