import { useState } from 'react';
import { bridge } from '../../../bridge';
import { corsOriginSchema } from '../../../../shared/contract/app-keys';
import { useSyncedDraft } from '../../../common/use-synced-draft';

const originsIn = (text: string) => [...new Set(text.split(/[\s,]+/).map((s) => s.trim().replace(/\/+$/, '')).filter(Boolean))];
const sameOrigins = (a: string, b: string) => originsIn(a).join('\n') === originsIn(b).join('\n');

/** The browser origins allowed to call the local API (CORS), one per line; none by default. */
export function CorsOriginsForm({ origins }: { origins: string[] }) {
  const [text, setText] = useSyncedDraft(origins.join('\n'), sameOrigins);
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);

  async function save() {
    const list = originsIn(text);
    const bad = list.find((o) => !corsOriginSchema.safeParse(o).success);
    if (bad !== undefined) return setNote({ error: true, text: `“${bad}” is not an origin: write scheme://host[:port], e.g. http://localhost:3000.` });
    try {
      await bridge().invoke('settings.update', { localApiCorsOrigins: list });
      setNote({ error: false, text: list.length ? `Browser apps from ${list.length === 1 ? 'this origin' : 'these origins'} may call the API.` : 'No browser app may call the API.' });
    } catch (err) {
      setNote({ error: true, text: (err as Error).message });
    }
  }

  return (
    <form className="cors-form" aria-label="Browser apps" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label>
        Origins allowed to call from a browser (one per line, e.g. http://localhost:3000)
        <textarea aria-label="Allowed origins" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="money-form-actions">
        <button type="submit" className="primary">Save origins</button>
        {note ? <span role={note.error ? 'alert' : 'status'} className={note.error ? 'error' : 'muted'}>{note.text}</span> : null}
      </div>
    </form>
  );
}
