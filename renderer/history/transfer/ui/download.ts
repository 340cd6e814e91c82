// Saves text as a file through the browser's download path (Blob + object URL + <a download>).

export function downloadText(text: string, fileName: string, mime: string): Blob {
  const blob = new Blob([text], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // revoke later: some engines start reading the URL only after click() returns
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return blob;
}

/** "parley-<title>-<yyyy-mm-dd>.<ext>", the title reduced to safe file-name characters. */
export function exportFileName(title: string, ext: 'json' | 'md', now = new Date()): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const d = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `parley-${slug || 'conversation'}-${d}.${ext}`;
}
