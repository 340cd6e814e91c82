// Settings' pages, in the order of the section list, each with the labels of its fields so the search field can
// find a setting by what it is called on its page.

export const SETTINGS_SECTIONS = [
  { id: 'providers', label: 'Providers', fields: ['Providers and keys', 'Add a key', 'Provider', 'Name', 'Base URL', 'API key', 'Test', 'Remove'] },
  { id: 'models', label: 'Models', fields: ['Price list', 'Catalog', 'Refresh prices'] },
  { id: 'answers', label: 'Answers', fields: ['Silence before an answer is ended', 'Timeout'] },
  { id: 'tools', label: 'Tools', fields: ['MCP servers', 'Add a server', 'Import mcpServers JSON', 'Command', 'URL'] },
  { id: 'local-api', label: 'Local API', fields: ['Serve the local API', 'Port', 'Address', 'App keys', 'Spent', 'Limits', 'Browser apps', 'Allowed origins', 'CORS'] },
  { id: 'money', label: 'Money', fields: ['Spend limits', 'Daily limit', 'Monthly limit', 'Assumed cost', 'BYOK fee comparison', 'Fee rate', 'Requests per month'] },
  { id: 'storage', label: 'Storage', fields: ['Storage and backups', 'Backups', 'Restore backup', 'Export and import', 'Export', 'Import', 'OpenRouter Chatroom'] },
  { id: 'about', label: 'About', fields: ['Version', 'Key protection', 'Appearance', 'Theme', 'Dark', 'Light'] },
] as const;

export type SettingsSectionId = (typeof SETTINGS_SECTIONS)[number]['id'];

export const DEFAULT_SETTINGS_SECTION: SettingsSectionId = 'providers';

export function isSettingsSection(id: unknown): id is SettingsSectionId {
  return SETTINGS_SECTIONS.some((s) => s.id === id);
}

export interface SectionMatch {
  id: SettingsSectionId;
  label: string;
  /** the fields whose labels matched (empty when the section's own name did) */
  fields: string[];
}

/** The sections whose name or field labels contain every word of the query (case-insensitive); all when it is empty. */
export function matchSections(query: string): SectionMatch[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const has = (text: string) => words.every((w) => text.toLowerCase().includes(w));
  if (!words.length) return SETTINGS_SECTIONS.map((s) => ({ id: s.id, label: s.label, fields: [] }));
  const out: SectionMatch[] = [];
  for (const s of SETTINGS_SECTIONS) {
    const fields = s.fields.filter(has);
    if (has(s.label)) out.push({ id: s.id, label: s.label, fields: [] });
    else if (fields.length) out.push({ id: s.id, label: s.label, fields });
  }
  return out;
}
