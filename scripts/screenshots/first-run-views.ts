import { mkdirSync } from 'node:fs';
import { launchChromium } from '../../test/e2e/support/browser';
import { startHostProcess } from '../../test/e2e/support/host-process';
import { startFakeOllama } from '../../test/e2e/support/fake-ollama';
import { shoot } from './shoot';
import { freePort } from '../../test/e2e/support/free-port';

// Screenshots of a newcomer's first run, at 1024×768 and 1920×1080, light and dark, against the built host (run as
// `npm run host` runs it) with no provider key and a fake Ollama with four models on this machine: step 1, where
// answers come from (OpenRouter, a provider directly, or Ollama, found; first-run-choose), and step 2 once Ollama
// is chosen, a first room of three of its models with the sample prompt (first-run-suggested).
// `npm run build`, then `npx tsx scripts/screenshots/first-run-views.ts [dir]`.
const OUT = process.argv[2] ?? 'docs/screenshots';
mkdirSync(OUT, { recursive: true });

const ollama = await startFakeOllama(['llama3.2', 'qwen2.5', 'gemma3', 'mistral']);
// where the host looks for local servers comes from the environment: the fake's port for Ollama, a closed one for
// LM Studio; no OpenRouter key, whatever this shell has
const host = await startHostProcess({
  env: { OPENROUTER_API_KEY: '', OPENROUTER_BASE_URL: '', PARLEY_OLLAMA_PORT: String(ollama.port), PARLEY_LM_STUDIO_PORT: String(await freePort()) },
});
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  await page.getByRole('heading', { name: 'Get a first answer' }).waitFor();
  const found = page.getByRole('list', { name: 'Found on this machine' });
  await found.getByText('4 models').waitFor();
  await shoot(page, OUT, 'first-run-choose');

  await found.getByRole('button', { name: 'Use Ollama' }).click();
  const suggested = page.getByRole('list', { name: 'Suggested models' });
  await suggested.getByRole('listitem').nth(2).waitFor();
  await page.getByRole('textbox', { name: 'First prompt' }).waitFor();
  await page.mouse.move(0, 0);
  await shoot(page, OUT, 'first-run-suggested');

  if (errors.length) throw new Error(`errors in the page:\n${errors.join('\n')}`);
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await host.stop();
  await ollama.close();
}
