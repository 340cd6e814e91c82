import { useState } from 'react';
import { bridge } from '../../bridge';

/** "Test": asks the provider which models this key can use, which proves the key and the base URL work. */
export function KeyTest({ id, label }: { id: string; label: string }) {
  const [state, setState] = useState<{ busy: boolean; text: string | null; ok: boolean }>({ busy: false, text: null, ok: false });
  async function run() {
    setState({ busy: true, text: null, ok: false });
    try {
      const r = await bridge().invoke('keys.test', { id });
      if (r.ok) {
        const shown = r.models.slice(0, 5).join(', ');
        const where = r.url ? ` — HTTP ${r.status ?? 200} from ${r.url}` : '';
        setState({ busy: false, ok: true, text: `Works: ${r.models.length} model${r.models.length === 1 ? '' : 's'}${shown ? ` (${shown}${r.models.length > 5 ? ', …' : ''})` : ''}${where}` });
      } else {
        setState({ busy: false, ok: false, text: r.message });
      }
    } catch (err) {
      setState({ busy: false, ok: false, text: (err as Error).message });
    }
  }
  return (
    <>
      <button type="button" className="small" aria-label={`Test ${label}`} disabled={state.busy} onClick={() => void run()}>
        {state.busy ? 'Testing…' : 'Test'}
      </button>
      {state.text && (
        <span role="status" aria-label={`Test result for ${label}`} className={state.ok ? 'key-test-ok' : 'key-test-failed'}>
          {state.text}
        </span>
      )}
    </>
  );
}
