// A room of generated images in headless Chromium, against the built renderer and the real host:
//  1. 200 images of about 2 MB each (real PNGs of noise, which does not compress) stored in IndexedDB: the growth of
//     navigator.storage.estimate() over their bytes (target ≤ 1.05×);
//  2. opening that room: time from the click to the first frame showing its latest turn (baseline: the same room
//     without images), median of 3;
//  3. scrolling it from the bottom to the top and back over about 6 s: median frames per second.
import type { Page } from 'playwright-core';
import type { BenchResult } from '../types';
import { launchChromium } from '../../test/e2e/support/browser';
import { startFakeHost } from '../../test/e2e/support/fake-host';
import { seedConversation } from './support/seed';
import { ensureBuilt, median, readMeter, startMeter } from './support/meter';
import { openAppPage } from './support/app-page';

const DB = 'parley';
const IMAGES = 200;
const COLUMNS = 2;
const TURNS = IMAGES / COLUMNS;

/** Stores one ~2 MB PNG per answer of the conversation and refers to it from the answer's row. */
async function seedImages(page: Page, conversationId: string): Promise<{ bytes: number; before: number; after: number }> {
  return page.evaluate(
    async ({ db: dbName, conversationId, turns, columns }) => {
      const open = (): Promise<IDBDatabase> =>
        new Promise((done, fail) => {
          const req = indexedDB.open(dbName);
          req.onsuccess = () => done(req.result);
          req.onerror = () => fail(req.error);
        });
      const side = 820; // 820² × 3 bytes of noise ≈ 2 MB of PNG
      const canvas = document.createElement('canvas');
      canvas.width = side;
      canvas.height = side;
      const ctx = canvas.getContext('2d')!;
      const pixels = ctx.createImageData(side, side);
      let x = 12345;
      const blobs: Blob[] = [];
      for (let v = 0; v < 4; v++) {
        for (let i = 0; i < pixels.data.length; i += 4) {
          x = (Math.imul(x, 1103515245) + 12345) >>> 0;
          pixels.data[i] = x >>> 24;
          pixels.data[i + 1] = (x >>> 16) & 255;
          pixels.data[i + 2] = (x >>> 8) & 255;
          pixels.data[i + 3] = 255;
        }
        ctx.putImageData(pixels, 0, 0);
        blobs.push(await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png')));
      }
      await (navigator.storage as { persist?: () => Promise<boolean> }).persist?.();
      const before = (await navigator.storage.estimate()).usage ?? 0;
      const db = await open();
      let bytes = 0;
      for (let t = 0; t < turns; t++) {
        await new Promise<void>((done, fail) => {
          const tx = db.transaction(['messages', 'images'], 'readwrite');
          const messages = tx.objectStore('messages');
          for (let c = 0; c < columns; c++) {
            const messageId = `${conversationId}-u${t}-a${c}`;
            // a copy of its own per image: each is stored as its own bytes, as generated images are
            const blob = new Blob([blobs[(t * columns + c) % blobs.length]!], { type: 'image/png' });
            bytes += blob.size;
            const id = `${messageId}.img0`;
            tx.objectStore('images').put({ id, messageId, conversationId, mime: 'image/png', size: blob.size, blob, createdAt: Date.now() });
            const get = messages.get(messageId);
            get.onsuccess = () => messages.put({ ...get.result, images: [{ id, mime: 'image/png', size: blob.size }] });
          }
          tx.oncomplete = () => done();
          tx.onerror = () => fail(tx.error);
        });
      }
      db.close();
      await new Promise((r) => setTimeout(r, 1000));
      const after = (await navigator.storage.estimate()).usage ?? 0;
      return { bytes, before, after };
    },
    { db: DB, conversationId, turns: TURNS, columns: COLUMNS },
  );
}

async function openAndTime(page: Page, title: string, marker: string): Promise<number> {
  await page.reload();
  await page.locator('.conversation-item', { hasText: title }).first().waitFor();
  await page.waitForTimeout(300);
  return page.evaluate(
    ({ title, marker }) =>
      new Promise<number>((done) => {
        const btn = [...document.querySelectorAll<HTMLButtonElement>('.conversation-item')].find((b) => b.querySelector('.conversation-title')?.textContent === title)!;
        const t0 = performance.now();
        btn.click();
        const check = () => {
          if ([...document.querySelectorAll('.user-text')].some((e) => e.textContent === marker)) requestAnimationFrame(() => done(performance.now() - t0));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { title, marker },
  );
}

/** Scrolls the room's scroller to the top and back in steps, one per frame; resolves with the step count. */
async function scrollRoom(page: Page): Promise<{ steps: number; height: number; loadedMax: number }> {
  return page.evaluate(
    () =>
      new Promise<{ steps: number; height: number; loadedMax: number }>((done) => {
        const main = document.querySelector('main')!;
        const scroller = [...main.querySelectorAll<HTMLElement>('*')].find((e) => e.scrollHeight > e.clientHeight + 100 && /(auto|scroll)/.test(getComputedStyle(e).overflowY))!;
        const height = scroller.scrollHeight;
        const step = 120;
        let dir = -1;
        let steps = 0;
        let loadedMax = 0;
        scroller.scrollTop = height;
        const tick = () => {
          scroller.scrollTop += dir * step;
          steps++;
          loadedMax = Math.max(loadedMax, document.querySelectorAll('.answer-image img').length);
          if (dir < 0 && scroller.scrollTop <= 0) dir = 1;
          else if (dir > 0 && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) return done({ steps, height, loadedMax });
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

async function measureScroll(page: Page): Promise<{ fps: number; height: number; notes: string }> {
  await startMeter(page);
  const from = await page.evaluate(() => performance.now());
  const scrolled = await scrollRoom(page);
  const to = await page.evaluate(() => performance.now());
  const meter = await readMeter(page, from, to);
  const fps = median(meter.fps);
  return {
    fps,
    height: scrolled.height,
    notes: `median ${fps} fps over ${meter.fps.length} one-second windows, min ${Math.min(...meter.fps)} fps; ${scrolled.steps} scroll steps over ${scrolled.height} px; at most ${scrolled.loadedMax} images loaded at once; longest long task ${meter.longest.toFixed(0)} ms`,
  };
}

/** The floor: a page holding nothing but a scroller of plain paragraphs as tall as the room, at the same viewport. */
async function bareScroll(browser: Awaited<ReturnType<typeof launchChromium>>, height: number): Promise<{ fps: number; notes: string }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  try {
    await page.setContent(
      `<main><div style="height:1000px;overflow-y:auto">${'<p style="margin:0;height:100px">Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>'.repeat(Math.ceil(height / 100))}</div></main>`,
    );
    await page.evaluate('globalThis.__name = globalThis.__name || ((f) => f)'); // a string: nothing for tsx to wrap
    const r = await measureScroll(page);
    return { fps: r.fps, notes: r.notes };
  } finally {
    await page.close();
  }
}

/** Waits (up to 3 minutes) until every image row has its thumbnail decided; the count and bytes of the thumbnails. */
async function waitForThumbnails(page: Page, expected: number): Promise<{ count: number; bytes: number }> {
  const read = () =>
    page.evaluate(
      (dbName) =>
        new Promise<{ decided: number; count: number; bytes: number }>((done, fail) => {
          const req = indexedDB.open(dbName);
          req.onerror = () => fail(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const all = db.transaction('images').objectStore('images').getAll();
            all.onsuccess = () => {
              const rows = all.result as { thumb?: Blob | null }[];
              db.close();
              const thumbs = rows.filter((r) => r.thumb instanceof Blob).map((r) => r.thumb as Blob);
              done({ decided: rows.filter((r) => r.thumb !== undefined).length, count: thumbs.length, bytes: thumbs.reduce((n, b) => n + b.size, 0) });
            };
          };
        }),
      DB,
    );
  const until = Date.now() + 180_000;
  let r = await read();
  while (r.decided < expected && Date.now() < until) {
    // tiles not yet seen get theirs when scrolled into view: scroll again
    await scrollRoom(page);
    r = await read();
  }
  return { count: r.count, bytes: r.bytes };
}

export default async function run(): Promise<BenchResult[]> {
  ensureBuilt();
  const host = await startFakeHost();
  const browser = await launchChromium();
  const results: BenchResult[] = [];
  try {
    const page = await openAppPage(browser, host.url);
    const now = Date.now();
    const messages = TURNS * (1 + COLUMNS);
    await seedConversation(page, { dbName: DB, conversationId: 'bench-plain', title: 'Plain room', columns: COLUMNS, messages, lastPrompt: 'PLAIN-LATEST', updatedAt: now - 2000 });
    await seedConversation(page, { dbName: DB, conversationId: 'bench-images', title: 'Image room', columns: COLUMNS, messages, lastPrompt: 'IMAGES-LATEST', updatedAt: now - 1000 });
    const size = await seedImages(page, 'bench-images');
    const grown = size.after - size.before;

    const plain: number[] = [];
    const withImages: number[] = [];
    for (let i = 0; i < 3; i++) {
      plain.push(await openAndTime(page, 'Plain room', 'PLAIN-LATEST'));
      withImages.push(await openAndTime(page, 'Image room', 'IMAGES-LATEST'));
    }

    // first scroll: the seeded rows have no thumbnails yet (as images stored by an older Parley, or imported), so
    // each is made as its tile first comes into view; then, once all are stored, the room as it is every day after
    await page.waitForTimeout(1500);
    const cold = await measureScroll(page);
    const thumbs = await waitForThumbnails(page, IMAGES);
    await openAndTime(page, 'Image room', 'IMAGES-LATEST');
    await page.waitForTimeout(1500);
    const warm = await measureScroll(page);
    // The floors on this machine: the same room without images, and a bare page of the same height (no app at
    // all), scrolled the same way. What Chromium draws here is in software, so these bound what any room reaches.
    await openAndTime(page, 'Plain room', 'PLAIN-LATEST');
    await page.waitForTimeout(1500);
    const plainScroll = await measureScroll(page);
    const bare = await bareScroll(browser, warm.height);
    const openMed = median(withImages);
    const ratio = grown / size.bytes;
    results.push(
      {
        name: `IndexedDB growth for ${IMAGES} images over their bytes`,
        value: ratio, unit: '×', target: '<= 1.05×', pass: ratio <= 1.05,
        notes: `${(size.bytes / 1048576).toFixed(1)} MiB of PNG (${(size.bytes / IMAGES / 1048576).toFixed(2)} MiB each); navigator.storage.estimate() grew ${(grown / 1048576).toFixed(1)} MiB`,
      },
      {
        name: `open a room of ${IMAGES} images: first paint of its latest turn`,
        value: openMed, unit: 'ms', baseline: { name: 'the same room without images', value: median(plain) }, ratio: openMed / median(plain), target: '<= 300 ms', pass: openMed <= 300,
        notes: `median of 3 after a reload each; runs ${withImages.map((x) => x.toFixed(0)).join(', ')} ms`,
      },
      {
        name: `scroll a room of ${IMAGES} images top to bottom: median fps`,
        value: warm.fps, unit: 'fps', target: '>= 50 fps', pass: warm.fps >= 50,
        baseline: { name: 'the same room without images (floor)', value: plainScroll.fps },
        ratio: warm.fps / Math.max(1, plainScroll.fps),
        notes: `thumbnails stored: ${warm.notes}; the first scroll, with no thumbnails stored yet: ${cold.notes}; the room without images: ${plainScroll.notes}; a bare page of the same height, no app: ${bare.notes}`,
      },
      {
        name: `thumbnails stored for ${IMAGES} images, and their bytes over the images' bytes`,
        value: thumbs.bytes / size.bytes, unit: '×', target: 'small beside the images',
        pass: thumbs.count === IMAGES && (grown + thumbs.bytes) / size.bytes <= 1.05,
        notes: `${thumbs.count} thumbnails, ${(thumbs.bytes / 1024).toFixed(0)} KiB in all (${(thumbs.bytes / Math.max(1, thumbs.count) / 1024).toFixed(1)} KiB each); images + thumbnails over the images' bytes: ${((grown + thumbs.bytes) / size.bytes).toFixed(3)}×`,
      },
    );
    await page.close();
  } finally {
    await browser.close();
    await host.close();
  }
  return results;
}
