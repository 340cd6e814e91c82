import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { pastFirstRun } from './support/room-actions';
import type { Browser } from 'playwright-core';
import WebSocket from 'ws';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { startHostProcess, type HostProcess } from './support/host-process';
import { launchChromium } from './support/browser';

let host: HostProcess;
let browser: Browser;

beforeAll(async () => {
  host = await startHostProcess();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

function wsHandshake(opts: { origin?: string; host?: string; protocols: string[] }): Promise<'open' | number> {
  return new Promise((done) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge`, opts.protocols, {
      headers: { ...(opts.origin ? { Origin: opts.origin } : {}), ...(opts.host ? { Host: opts.host } : {}) },
    });
    ws.on('open', () => {
      ws.close();
      done('open');
    });
    ws.on('unexpected-response', (_req, res) => done(res.statusCode ?? 0));
    ws.on('error', () => done(0));
  });
}

describe('Parley in Chromium against `npm run host`', () => {
  it('loads the app shell with no provider configured and hides the token from the address bar', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Get a first answer' }).waitFor(); // no key yet: the first run
    await page.getByText('No conversations yet.').waitFor();
    expect(page.url()).not.toContain('token=');
    await page.reload();
    await page.getByRole('heading', { name: 'Get a first answer' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('round-trips a route through the bridge: a key typed once is stored in main and shown only as its hint', async () => {
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const form = page.getByRole('form', { name: 'Add a provider' });
    await form.getByRole('textbox', { name: 'Name' }).fill('My OpenRouter');
    await form.getByLabel('API key').fill('sk-or-v1-secret-value-9876');
    await form.getByRole('button', { name: 'Save' }).click();
    const list = page.getByRole('list', { name: 'Configured providers' });
    await list.getByText('configured ••••9876').waitFor();
    await form.waitFor({ state: 'detached' }); // the form closes once the key is saved, keeping nothing
    const html = await page.content();
    expect(html).not.toContain('secret-value');
    const onDisk = readFileSync(join(host.dataDir, 'keys.json'), 'utf8');
    expect(onDisk).toContain('My OpenRouter');
    expect(onDisk).not.toContain('secret-value');
    await page.getByRole('button', { name: 'Remove My OpenRouter' }).click();
    await list.getByText('No provider configured.').waitFor();
    await page.close();
  });

  it('delivers events from main to every attached page', async () => {
    const a = await browser.newPage();
    const b = await browser.newPage();
    await a.goto(host.url);
    await b.goto(host.url);
    await a.getByRole('button', { name: 'Settings', exact: true }).click();
    await a.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'About' }).click();
    await pastFirstRun(b);
    await a.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await b.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await a.getByRole('combobox', { name: 'Theme' }).selectOption('system');
    await b.waitForFunction(() => document.documentElement.dataset.theme === undefined);
    await a.close();
    await b.close();
  });

  it('refuses a page with a wrong token and tells the user', async () => {
    const page = await browser.newPage();
    await page.goto(`${host.origin}/#token=not-the-token`);
    await page.getByRole('status', { name: 'Connection' }).getByText('Access refused').waitFor();
    await page.close();
  });

  it('refuses a page opened without any token', async () => {
    const page = await browser.newPage();
    await page.goto(`${host.origin}/`);
    await page.getByRole('heading', { name: 'Parley needs its access link' }).waitFor();
    await page.close();
  });

  it('refuses bridge connections without the token, from a foreign Origin, or under a foreign Host name', async () => {
    const protocols = ['parley.v1', `parley.token.${host.token}`];
    await expect(wsHandshake({ origin: host.origin, protocols })).resolves.toBe('open');
    await expect(wsHandshake({ origin: host.origin, protocols: ['parley.v1'] })).resolves.toBe(401);
    await expect(wsHandshake({ origin: host.origin, protocols: ['parley.v1', 'parley.token.wrong'] })).resolves.toBe(401);
    await expect(wsHandshake({ origin: 'http://evil.example', protocols })).resolves.toBe(403);
    await expect(wsHandshake({ protocols })).resolves.toBe(403);
    await expect(wsHandshake({ origin: `http://rebind.example:${host.port}`, host: `rebind.example:${host.port}`, protocols })).resolves.toBe(403);
    const status = await new Promise<number>((done, fail) =>
      request({ host: '127.0.0.1', port: host.port, path: '/', headers: { Host: `rebind.example:${host.port}` } }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      }).on('error', fail).end(),
    );
    expect(status).toBe(403);
  });
});
