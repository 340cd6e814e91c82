import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The renderer's layers are enforced by eslint (eslint.config.js, eslint-rules/renderer-layers.js): a deliberate
// violation fails with a message naming both areas; imports down the layers pass.

const repo = resolve(__dirname, '../..');
const fixture = (name: string) => readFileSync(join(repo, 'test/fixtures/renderer-layers', `${name}.ts.txt`), 'utf8');

async function layerErrors(code: string, asFile: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repo });
  const [result] = await eslint.lintText(code, { filePath: join(repo, asFile) });
  return result!.messages.filter((m) => m.ruleId === 'parley/renderer-layers').map((m) => m.message);
}

describe('the renderer layers lint rule', () => {
  it('fails storage (history/db) importing a feature area', async () => {
    const errors = await layerErrors(fixture('storage-imports-a-feature'), 'renderer/history/db/vote-facts/violation.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('history/db may not import money (../../../money/activity/aggregate)');
  });

  it('fails a feature area importing another', async () => {
    const errors = await layerErrors(fixture('feature-imports-a-feature'), 'renderer/money/fees/violation.ts');
    expect(errors).toEqual([expect.stringContaining('money may not import chat (../../chat/state/actions)')]);
  });

  it('fails the common layer importing a feature area', async () => {
    const errors = await layerErrors(fixture('feature-imports-a-feature'), 'renderer/common/room/violation.ts');
    expect(errors).toEqual([expect.stringContaining('common may not import chat')]);
  });

  it('passes a feature area importing the common layer and storage, and app/ importing features', async () => {
    expect(await layerErrors(fixture('feature-imports-common'), 'renderer/history/sidebar/allowed.ts')).toEqual([]);
    expect(await layerErrors(fixture('feature-imports-a-feature'), 'renderer/app/settings/allowed.ts')).toEqual([]);
  });
});
