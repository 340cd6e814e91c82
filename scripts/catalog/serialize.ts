import type { Catalog } from '../../shared/catalog/types';

/** Compact JSON with one model per line: small on disk, and a price change shows up as a one-line diff. */
export function serializeCatalog(c: Catalog): string {
  const lines: string[] = ['{'];
  lines.push(`"schemaVersion":${c.schemaVersion},`);
  lines.push(`"snapshotDate":${JSON.stringify(c.snapshotDate)},`);
  lines.push(`"sources":${JSON.stringify(c.sources)},`);
  lines.push('"data":[');
  c.data.forEach((m, i) => lines.push(JSON.stringify(m) + (i < c.data.length - 1 ? ',' : '')));
  lines.push('],');
  lines.push('"direct":{');
  const providers = Object.entries(c.direct);
  providers.forEach(([pid, p], pi) => {
    const fallback = p.fallback ? `"fallback":${JSON.stringify(p.fallback)},` : '';
    lines.push(`${JSON.stringify(pid)}:{"name":${JSON.stringify(p.name)},${fallback}"models":{`);
    const models = Object.entries(p.models);
    models.forEach(([id, m], i) => lines.push(`${JSON.stringify(id)}:${JSON.stringify(m)}${i < models.length - 1 ? ',' : ''}`));
    lines.push(`}}${pi < providers.length - 1 ? ',' : ''}`);
  });
  lines.push('}');
  lines.push('}');
  return lines.join('\n') + '\n';
}
