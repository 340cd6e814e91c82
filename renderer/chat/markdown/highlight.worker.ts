import hljs from 'highlight.js/lib/common';

// Syntax highlighting off the main thread. highlight.js escapes the code it returns, so the HTML holds only its
// own <span class="hljs-…"> markup.
self.onmessage = (e: MessageEvent<{ id: number; code: string; lang: string }>) => {
  const { id, code, lang } = e.data;
  let html: string;
  try {
    html = lang && hljs.getLanguage(lang) ? hljs.highlight(code, { language: lang, ignoreIllegals: true }).value : hljs.highlightAuto(code).value;
  } catch {
    html = '';
  }
  (self as unknown as Worker).postMessage({ id, html });
};
