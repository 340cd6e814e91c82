import { useState } from 'react';
import { splitVariant, VARIANTS, withVariant, type ColumnConfig, type ColumnSettings, type ReasoningEffort, type Variant } from '../../common/room/types';
import { updateColumn } from '../state/actions';
import { WebSearchFields } from '../web-search/WebSearchFields';
import { ColumnToolsFields } from '../tools/ColumnToolsFields';

type Sort = NonNullable<NonNullable<ColumnSettings['provider']>['sort']>;
const EFFORTS: ReasoningEffort[] = ['minimal', 'low', 'medium', 'high', 'xhigh'];
const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
const num = (s: string) => (s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Number(s));

/** Per-column request settings: system prompt, sampling, reasoning, variant and provider routing. */
export function ColumnSettingsPanel({ column, label, onClose }: { column: ColumnConfig; label: string; onClose: () => void }) {
  const s = column.settings;
  const { base, variant } = splitVariant(column.model);
  const [form, setForm] = useState({
    system: s.systemPrompt ?? '',
    temperature: s.temperature === undefined ? '' : String(s.temperature),
    maxTokens: s.maxTokens === undefined ? '' : String(s.maxTokens),
    reasoningEffort: (s.reasoningEffort ?? '') as ReasoningEffort | '',
    variant,
    order: (s.provider?.order ?? []).join(', '),
    only: (s.provider?.only ?? []).join(', '),
    ignore: (s.provider?.ignore ?? []).join(', '),
    sort: (s.provider?.sort ?? '') as Sort | '',
    webSearch: s.webSearch,
    tools: s.tools,
  });
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const temperature = num(form.temperature);
  const maxTokens = num(form.maxTokens);
  const invalid = (temperature !== undefined && (temperature < 0 || temperature > 2)) || (maxTokens !== undefined && (!Number.isInteger(maxTokens) || maxTokens < 1));
  return (
    <form
      className="column-settings"
      aria-label={`Settings form for ${label}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (invalid) return;
        const provider: NonNullable<ColumnSettings['provider']> = {};
        if (list(form.order).length) provider.order = list(form.order);
        if (list(form.only).length) provider.only = list(form.only);
        if (list(form.ignore).length) provider.ignore = list(form.ignore);
        if (form.sort) provider.sort = form.sort;
        const settings: ColumnSettings = {};
        if (form.system.trim()) settings.systemPrompt = form.system;
        if (temperature !== undefined) settings.temperature = temperature;
        if (maxTokens !== undefined) settings.maxTokens = maxTokens;
        if (form.reasoningEffort) settings.reasoningEffort = form.reasoningEffort;
        if (Object.keys(provider).length) settings.provider = provider;
        if (form.webSearch) settings.webSearch = form.webSearch;
        if (form.tools) settings.tools = form.tools;
        void updateColumn(column.id, { model: withVariant(base, form.variant), settings }).then(onClose);
      }}
    >
      <h2 className="column-settings-title">Column settings for {label}</h2>
      <label>
        System prompt
        <textarea autoFocus value={form.system} rows={3} onChange={(e) => set('system', e.target.value)} />
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
          <select value={form.reasoningEffort} onChange={(e) => set('reasoningEffort', e.target.value as ReasoningEffort | '')}>
            <option value="">default</option>
            {EFFORTS.map((x) => <option key={x} value={x}>{x}</option>)}
          </select>
        </label>
        <label>
          Variant
          <select value={form.variant} onChange={(e) => set('variant', e.target.value as Variant)}>
            <option value="">none</option>
            {VARIANTS.map((x) => <option key={x} value={x}>:{x}</option>)}
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
          <select value={form.sort} onChange={(e) => set('sort', e.target.value as Sort | '')}>
            <option value="">default (load balanced)</option>
            <option value="price">price</option>
            <option value="throughput">throughput</option>
            <option value="latency">latency</option>
          </select>
        </label>
      </fieldset>
      <WebSearchFields value={form.webSearch} onChange={(v) => set('webSearch', v)} />
      <ColumnToolsFields value={form.tools} onChange={(v) => set('tools', v)} />
      {invalid ? <p role="alert" className="error">Temperature is 0–2; max tokens a whole number above 0.</p> : null}
      <div className="edit-actions">
        <button type="submit" className="primary small" disabled={invalid}>Save settings</button>
        <button type="button" className="small" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}
