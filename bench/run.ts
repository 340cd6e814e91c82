// `npm run bench [filter]`: runs every bench/**/*.bench.ts (optionally only those whose path contains the
// filter), prints a table and the JSON, and writes bench/results/latest.json.
import { readdirSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchResult } from './types';

const root = dirname(fileURLToPath(import.meta.url));

function findBenches(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'results' ? [] : findBenches(path);
    return name.endsWith('.bench.ts') ? [path] : [];
  });
}

function fmt(n: number | undefined): string {
  if (n === undefined) return '';
  if (Math.abs(n) >= 1000) return n.toFixed(0);
  return Number(n.toPrecision(4)).toString();
}

const filter = process.argv[2];
const files = findBenches(root).filter((f) => !filter || f.includes(filter)).sort();
const all: (BenchResult & { file: string })[] = [];
for (const file of files) {
  const rel = relative(root, file);
  console.error(`running ${rel} …`);
  try {
    const mod = (await import(pathToFileURL(file).href)) as BenchModule;
    for (const r of await mod.default()) all.push({ ...r, file: rel });
  } catch (err) {
    console.error(`  ${rel} failed: ${(err as Error).stack ?? err}`);
    all.push({ file: rel, name: 'error', value: NaN, unit: '', notes: String((err as Error).message) });
  }
}

const rows = all.map((r) => [
  r.file, r.name, `${fmt(r.value)} ${r.unit}`, r.baseline ? `${r.baseline.name}: ${fmt(r.baseline.value)}` : '',
  r.ratio !== undefined ? `${fmt(r.ratio)}×` : '', r.target ?? '', r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
]);
const head = ['bench', 'measure', 'value', 'baseline', 'ratio', 'target', 'met'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const row of rows) console.log(line(row));
const json = JSON.stringify({ date: new Date().toISOString(), node: process.version, results: all }, null, 2);
console.log(json);
mkdirSync(join(root, 'results'), { recursive: true });
writeFileSync(join(root, 'results', 'latest.json'), json);
