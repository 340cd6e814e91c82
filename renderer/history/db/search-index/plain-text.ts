// Markdown as a person reads it, for search snippets: no table pipes or separator rows, no emphasis or heading
// marks, links as their text, math without its delimiters (\frac{1}{3} → 1/3). Raw HTML stays as it was typed:
// the snippet shows it as text, never as markup.

const TEX_SYMBOLS: Record<string, string> = {
  cdot: '·', times: '×', div: '÷', pm: '±', le: '≤', leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠', approx: '≈',
  infty: '∞', sum: 'Σ', prod: 'Π', sqrt: '√', alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', pi: 'π', theta: 'θ',
  lambda: 'λ', mu: 'μ', sigma: 'σ', to: '→', rightarrow: '→', leftarrow: '←', quad: ' ', qquad: ' ', left: '', right: '',
};

function plainTex(tex: string): string {
  let s = tex;
  for (let i = 0; i < 5 && /\\frac\s*\{/.test(s); i++) s = s.replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '$1/$2');
  s = s.replace(/\\sqrt\s*\{([^{}]*)\}/g, '√($1)');
  s = s.replace(/\\(?:text|mathrm|mathbf|mathit|operatorname)\s*\{([^{}]*)\}/g, '$1');
  s = s.replace(/\\([A-Za-z]+)/g, (_, name: string) => TEX_SYMBOLS[name] ?? name);
  s = s.replace(/\\[,;:! ]/g, ' ').replace(/[{}]/g, '');
  return s.replace(/\s+/g, ' ').trim();
}

export function markdownToPlainText(md: string): string {
  const lines: string[] = [];
  let fence: string | null = null;
  for (const raw of md.split('\n')) {
    const fenceMark = /^\s*(```+|~~~+)/.exec(raw);
    if (fenceMark) {
      if (fence === null) fence = fenceMark[1]!.slice(0, 3);
      else if (raw.trim().startsWith(fence)) fence = null;
      continue; // the fence line itself (```python) is not text
    }
    if (fence !== null) {
      lines.push(raw);
      continue;
    }
    let line = raw;
    if (/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line)) continue; // table separator row
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) continue; // thematic break
    line = line.replace(/^\s{0,3}#{1,6}\s+/, ''); // heading
    line = line.replace(/^\s*(>\s?)+/, ''); // blockquote
    line = line.replace(/^\s*([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/, ''); // list item, task box
    if (/\|/.test(line) && /^\s*\|/.test(line)) line = line.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split('|').map((c) => c.trim()).join(' · ');
    lines.push(line);
  }
  let text = lines.join('\n');
  text = text.replace(/\$\$([\s\S]+?)\$\$/g, (_, tex: string) => plainTex(tex));
  text = text.replace(/\\\[([\s\S]+?)\\\]/g, (_, tex: string) => plainTex(tex));
  text = text.replace(/\\\(([\s\S]+?)\\\)/g, (_, tex: string) => plainTex(tex));
  text = text.replace(/(^|[^\\$\w])\$([^$\n]+?)\$(?!\w)/g, (_, pre: string, tex: string) => pre + plainTex(tex));
  text = text.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1'); // image → alt text
  text = text.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'); // link → its text
  text = text.replace(/`([^`\n]+)`/g, '$1'); // inline code
  text = text.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2'); // bold
  text = text.replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2'); // italic *x*
  text = text.replace(/(^|[^\w_])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2'); // italic _x_
  text = text.replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1'); // strikethrough
  return text.replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, ' ').trim();
}
