import { getSetting, setSetting } from '../../db/settings';

// The model that writes conversation titles (Settings → Answers). None by default: titles are then the first
// prompt's words.

const KEY = 'history.titleModel';
export const SUGGESTED_TITLE_MODEL = 'openai/gpt-5-nano';

export async function getTitleModel(): Promise<string | null> {
  const v = await getSetting<unknown>(KEY);
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

export async function setTitleModel(model: string | null): Promise<void> {
  await setSetting(KEY, model?.trim() || null);
}
