// Takes the README's screenshots: the main views at 1024×768 and 1920×1080, light and dark, against the built
// host (`npm run build` first) and a fake OpenRouter on 127.0.0.1. Run: npx tsx scripts/screenshots.ts [outDir]
import { resolve } from 'node:path';
import { launchChromium } from '../test/e2e/support/browser';
import { startHostProcess } from '../test/e2e/support/host-process';
import { startFakeOpenRouter } from '../test/e2e/support/fake-openrouter';
import { addModel, openModelPicker } from '../test/e2e/support/room-actions';

const KEY = 'sk-or-screenshots-0000';
const outDir = resolve(process.argv[2] ?? 'docs/screenshots');

const ANSWERS: Record<string, string> = {
  openai: [
    '## Three ways to split a bill\n\n',
    'For **three friends** and a **$90** dinner, each pays a third:\n\n',
    '$$\\frac{90}{3} = 30$$\n\n',
    '| Person | Share |\n|---|---|\n| Ana | $30 |\n| Ben | $30 |\n| Chloé | $30 |\n\n',
    '> Round up to the nearest dollar if the tip is included.\n\n',
    'A small helper:\n\n```python\ndef share(total: float, people: int) -> float:\n    return round(total / people, 2)\n```\n',
  ].join(''),
  anthropic: [
    'Splitting evenly is simplest, but **fair** can mean *proportional to what each person ordered*.\n\n',
    '1. Add up each person’s items.\n2. Apply tax and tip as the same percentage to everyone.\n3. Settle with one transfer per person.\n\n',
    '> Proportional splitting avoids the “I only had a salad” argument.\n\n',
    'Inline math works too: each share is $t \\cdot p_i / \\sum p$.\n',
  ].join(''),
  google: [
    'Quick answer: **$30 each**.\n\n',
    '- Even split: $90 ÷ 3 = $30\n- With an 18% tip: $106.20 ÷ 3 = **$35.40**\n\n',
    'Raw HTML stays visible as text: <b>not bold</b>.\n',
  ].join(''),
};

function chunks(text: string): string[] {
  return text.match(/[^\s]+\s*/g) ?? [text];
}


async function main() {
  const fake = await startFakeOpenRouter(KEY, { total_credits: 25, total_usage: 4.5 });
  fake.upstream.setDefault((req) => {
    const model = String((req.body as { model?: string }).model);
    const text = ANSWERS[model.split('/')[0]!] ?? 'Hello!';
    return { reply: { text: chunks(text), reasoning: model.startsWith('anthropic') ? ['Weighing even against proportional splits. '] : undefined, usage: { prompt: 42, completion: 180, cost: 0.000912 }, provider: 'FakeProvider' }, tokensPerSecond: 400 };
  });
  const host = await startHostProcess({ env: { OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: fake.url } });
  const browser = await launchChromium();
  try {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await ctx.newPage();
    await page.goto(host.url);
    await page.getByRole('button', { name: 'New chat' }).waitFor();
    // A second, older conversation so the sidebar and search have something to show.
    await addModel(page, 'openai/gpt-4o-mini');
    await page.getByRole('textbox', { name: 'Prompt' }).fill('How do I split a restaurant bill?');
    await page.getByRole('textbox', { name: 'Prompt' }).press('Enter');
    await page.getByRole('button', { name: 'Regenerate gpt-4o-mini' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'New chat' }).click();
    await addModel(page, 'anthropic/claude-sonnet-4.5');
    await addModel(page, 'google/gemini-2.5-flash');
    await page.getByRole('textbox', { name: 'Prompt' }).fill('Three friends share a $90 dinner. How should they split it?');
    await page.getByRole('textbox', { name: 'Prompt' }).press('Enter');
    for (const label of ['gpt-4o-mini', 'claude-sonnet-4.5', 'gemini-2.5-flash']) {
      await page.getByRole('button', { name: `Regenerate ${label}` }).waitFor({ timeout: 20_000 });
    }
    await page.getByLabel('OpenRouter balance').getByText('$20.50').waitFor();

    for (const size of [{ width: 1024, height: 768 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(size);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const shot = async (name: string) => {
          await page.waitForTimeout(300);
          await page.screenshot({ path: `${outDir}/${name}-${size.width}-${scheme}.png` });
        };
        await page.getByRole('list', { name: 'Conversation list' }).getByText('Three friends').click();
        await page.getByRole('heading', { name: /^Three friends/ }).waitFor();
        await shot('room');
        await page.getByRole('searchbox', { name: 'Search conversations' }).fill('split');
        await page.getByRole('list', { name: 'Search results' }).waitFor();
        await shot('search');
        await page.getByRole('searchbox', { name: 'Search conversations' }).fill('');
        await page.getByRole('button', { name: 'New chat' }).click();
        for (const label of ['gpt-4o-mini', 'claude-sonnet-4.5', 'gemini-2.5-flash']) {
          await page.getByRole('button', { name: `Column menu for ${label}` }).click();
          await page.getByRole('menuitem', { name: `Remove column ${label}` }).click();
        }
        await page.getByRole('region', { name: 'Welcome' }).or(page.getByLabel('Welcome')).first().waitFor();
        await shot('new-chat');
        await openModelPicker(page);
        await page.getByRole('dialog', { name: 'Add a model' }).getByRole('searchbox', { name: 'Search models' }).fill('claude');
        await shot('picker');
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Settings', exact: true }).click();
        await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
        await shot('settings');
        await page.getByRole('button', { name: 'Activity', exact: true }).click();
        await page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
        const plot = page.locator('.activity-chart .u-over');
        await plot.waitFor();
        const box = (await plot.boundingBox())!;
        await page.mouse.move(box.x + box.width - box.width / 14, box.y + box.height / 2); // over the last day's bar
        await shot('activity');
        await page.mouse.move(0, 0);
      }
    }
    console.log(`screenshots written to ${outDir}`);
  } finally {
    await browser.close();
    await host.stop();
    await fake.close();
  }
}

await main();
