// Highlights code in a worker (the highlighter loads only when the first code block appears); falls back to a
// lazily imported highlighter on the main thread where workers are unavailable (tests).

const cache = new Map<string, string>();
const MAX_CACHE = 500;
let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, (html: string) => void>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = typeof Worker === 'undefined' ? null : new Worker(new URL('./highlight.worker.ts', import.meta.url), { type: 'module' });
    worker?.addEventListener('message', (e: MessageEvent<{ id: number; html: string }>) => {
      waiting.get(e.data.id)?.(e.data.html);
      waiting.delete(e.data.id);
    });
  } catch {
    worker = null;
  }
  return worker;
}

async function inThread(code: string, lang: string): Promise<string> {
  const { default: hljs } = await import('highlight.js/lib/common');
  return lang && hljs.getLanguage(lang) ? hljs.highlight(code, { language: lang, ignoreIllegals: true }).value : hljs.highlightAuto(code).value;
}

export function cachedHighlight(code: string, lang: string): string | undefined {
  return cache.get(`${lang}\u0000${code}`);
}

export async function highlight(code: string, lang: string): Promise<string> {
  const key = `${lang}\u0000${code}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const w = getWorker();
  const html = w
    ? await new Promise<string>((done) => {
        const id = nextId++;
        waiting.set(id, done);
        w.postMessage({ id, code, lang });
      })
    : await inThread(code, lang);
  if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value!);
  cache.set(key, html);
  return html;
}
