import { useState } from 'react';
import type { ColumnConfig, ColumnSettings, ReasoningEffort, Variant } from '../chat-state/types';
import { updateColumn } from '../chat-state/actions';

const VARIANTS: Variant[] = ['', 'free', 'nitro', 'floor', 'online', 'thinking', 'extended'];
const EFFORTS: ReasoningEffort[] = ['', 'minimal', 'low', 'medium', 'high', 'xhigh'];
const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
const num = (s: string) => (s.trim() === '' || !Number.isFinite(Number(s)) ? null : Number(s));

/** Per-column request settings: system prompt, sampling, reasoning, variant and provider routing. */
export function ColumnSettingsPanel({ column, label, onClose }: { column: ColumnConfig; label: string; onClose: () => void }) {
  const s = column.settings;
  const [form, setForm] = useState({
    system: s.system,
    temperature: s.temperature === null ? '' : String(s.temperature),
    maxTokens: s.maxTokens === null ? '' : String(s.maxTokens),
    reasoningEffort: s.reasoningEffort,
    variant: s.variant,
    order: s.providerOrder.join(', '),
    only: s.providerOnly.join(', '),
    ignore: s.providerIgnore.join(', '),
    sort: s.providerSort,
  });
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const temperature = num(form.temperature);
  const maxTokens = num(form.maxTokens);
  const invalid = (temperature !== null && (temperature < 0 || temperature > 2)) || (maxTokens !== null && (!Number.isInteger(maxTokens) || maxTokens < 1));
  return (
    <form
      className="column-settings"
      aria-label={`Settings form for ${label}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (invalid) return;
        const settings: ColumnSettings = {
          system: form.system,
          temperature,
          maxTokens,
          reasoningEffort: form.reasoningEffort,
          variant: form.variant,
          providerOrder: list(form.order),
          providerOnly: list(form.only),
          providerIgnore: list(form.ignore),
          providerSort: form.sort,
        };
        void updateColumn(column.id, { settings }).then(onClose);
      }}
    >
      <label>
        System prompt
        <textarea value={form.system} rows={3} onChange={(e) => set('system', e.target.value)} />
      </label>
      <div className="settings-row">
        <label>
          Temperature
          <input type="number" step="0.1" min="0" max="2" value={form.temperature} placeholder="default" onChange={(e) => set('temperature', e.target.value)} />
        </label>
        <label>
          Max tokens
          <input type="number" min="1" value={form.maxTokens} placeholder="default" onChange={(e) => set('maxTokens', e.target.value)} />
        </label>
      </div>
      <div className="settings-row">
        <label>
          Reasoning effort
          <select value={form.reasoningEffort} onChange={(e) => set('reasoningEffort', e.target.value as ReasoningEffort)}>
            {EFFORTS.map((x) => <option key={x} value={x}>{x || 'default'}</option>)}
          </select>
        </label>
        <label>
          Variant
          <select value={form.variant} onChange={(e) => set('variant', e.target.value as Variant)}>
            {VARIANTS.map((x) => <option key={x} value={x}>{x ? `:${x}` : 'none'}</option>)}
          </select>
        </label>
      </div>
      <fieldset>
        <legend>Provider preferences</legend>
        <label>
          Order (comma-separated)
          <input value={form.order} placeholder="e.g. anthropic, openai" onChange={(e) => set('order', e.target.value)} />
        </label>
        <label>
          Only
          <input value={form.only} onChange={(e) => set('only', e.target.value)} />
        </label>
        <label>
          Ignore
          <input value={form.ignore} onChange={(e) => set('ignore', e.target.value)} />
        </label>
        <label>
          Sort
          <select value={form.sort} onChange={(e) => set('sort', e.target.value as ColumnSettings['providerSort'])}>
            <option value="">default (load balanced)</option>
            <option value="price">price</option>
            <option value="throughput">throughput</option>
            <option value="latency">latency</option>
          </select>
        </label>
      </fieldset>
      {invalid ? <p role="alert" className="error">Temperature is 0–2; max tokens a whole number above 0.</p> : null}
      <div className="edit-actions">
        <button type="submit" className="primary small" disabled={invalid}>Save settings</button>
        <button type="button" className="small" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}
