// Prints who imports whom in renderer/: one row per importing area, one column per imported area, counting
// import lines (`import … from`, `export … from`, `import('…')`). Areas are renderer/'s folders, with history/db
// (storage) apart from the rest of history/. Usage: node scripts/renderer-layers.mjs [--json]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const renderer = join(root, 'renderer');

function areaOf(file) {
  const parts = relative(renderer, file).split(sep);
  if (parts.length === 1) return existsSync(file) && statSync(file).isDirectory() ? parts[0] : '(root)'; // `../bridge` is the folder's index
  if (parts[0] === 'history' && parts[1] === 'db') return 'history/db';
  return parts[0];
}

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* sources(p);
    else if (/\.(ts|tsx)$/.test(name)) yield p;
  }
}

const IMPORT = /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;
const counts = new Map();
for (const file of sources(renderer)) {
  const from = areaOf(file);
  for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec);
    if (!target.startsWith(renderer + sep)) continue;
    const to = areaOf(target);
    if (to === from) continue;
    const key = `${from}→${to}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}

const areas = [...new Set([...counts.keys()].flatMap((k) => k.split('→')))].sort();
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(Object.fromEntries([...counts].sort()), null, 2));
} else {
  const w = Math.max(...areas.map((a) => a.length)) + 2;
  console.log('from \\ to'.padEnd(w) + areas.map((a) => a.padStart(w)).join(''));
  for (const from of areas) console.log(from.padEnd(w) + areas.map((to) => String(counts.get(`${from}→${to}`) ?? '·').padStart(w)).join(''));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${total} import lines cross an area boundary.`);
}
