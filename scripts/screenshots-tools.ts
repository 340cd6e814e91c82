// Screenshots of Settings → Tools (the window at 1024×768 and 1920×1080, the add-server form at 1024 px), light
// and dark, against the built host (`npm run build` first) with real MCP servers: the SDK-built fakes of
// test/fakes/mcp/ (a working one over stdio, one that fails at start, one awaiting confirmation, one over
// Streamable HTTP). Run: npx tsx scripts/screenshots-tools.ts [outDir]
import { resolve } from 'node:path';
import { launchChromium } from '../test/e2e/support/browser';
import { startHostProcess } from '../test/e2e/support/host-process';
import { startFakeHttpMcp } from '../test/fakes/mcp/http-server';
import { shoot } from './screenshots/shoot';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');
const fakeArgs = ['--import', 'tsx', resolve('test/fakes/mcp/stdio-server.ts')];

async function main() {
  const http = await startFakeHttpMcp({ kind: 'streamable', token: 'screenshot-token' });
  const host = await startHostProcess({});
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1024, height: 2200 } })).newPage();
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Tools' }).click();
    const section = page.getByRole('region', { name: 'Tools' });
    await section.getByRole('button', { name: 'Paste mcpServers JSON' }).click();
    const servers = {
      everything: { command: process.execPath, args: fakeArgs, env: { FAKE_TOKEN: 'not-shown' } },
      'fails-at-start': { command: process.execPath, args: [...fakeArgs, 'fail-on-start'] },
      'not-yet-allowed': { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/home/me/notes'] },
      remote: { url: http.url, headers: { Authorization: 'Bearer screenshot-token' } },
    };
    await section.getByRole('textbox', { name: 'mcpServers JSON' }).fill(JSON.stringify({ mcpServers: servers }));
    await section.getByRole('button', { name: 'Import' }).click();
    await section.getByRole('status').waitFor();
    await section.getByRole('button', { name: 'Close' }).click();
    for (const name of ['everything', 'fails-at-start']) {
      const row = section.getByRole('listitem', { name, exact: true });
      await row.getByRole('button', { name: 'Allow this command' }).click();
      await row.getByRole('button', { name: `Start ${name}` }).click();
    }
    await section.getByRole('button', { name: 'Start remote' }).click();
    await section.getByLabel('State of everything').getByText(/^ready with/).waitFor({ timeout: 20_000 });
    await section.getByLabel('State of fails-at-start').getByText('failed').waitFor({ timeout: 20_000 });
    await section.getByLabel('State of remote').getByText(/^ready with/).waitFor({ timeout: 20_000 });
    const everything = section.getByRole('listitem', { name: 'everything', exact: true });
    await everything.locator('summary').first().click();
    await everything.getByText('Input schema').first().click();
    // the whole window, as the user sees the section (1024×768 and 1920×1080, light and dark)
    await shoot(page, outDir, 'settings-tools');
    await section.getByRole('button', { name: 'Add a server' }).click();
    await section.getByRole('form', { name: 'Add an MCP server' }).scrollIntoViewIfNeeded();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(300);
      await section.getByRole('form', { name: 'Add an MCP server' }).screenshot({ path: `${outDir}/settings-tools-form-1024-${scheme}.png` });
    }
    console.log(`screenshots written to ${outDir}`);
  } finally {
    await browser.close();
    await host.stop();
    await http.close();
  }
}

await main();
