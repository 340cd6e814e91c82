import type { Assistant, AssistantColumn } from './types';

// Starter assistants written for Parley. Each names the models it wants, best first; it takes those the catalog
// has and says which it could not find, so a starter never silently sets up a model that cannot answer.

export interface StarterAssistant {
  id: string;
  name: string;
  description: string;
  systemPrompt?: string;
  /** how many columns it sets up */
  wants: number;
  /** candidate models, best first */
  candidates: string[];
  settings?: AssistantColumn['settings'];
  blind?: boolean;
}

export const STARTER_ASSISTANTS: readonly StarterAssistant[] = [
  {
    id: 'starter-coding',
    name: 'Compare three coding models',
    description: 'Three strong coding models answer the same question side by side.',
    systemPrompt:
      'You are an expert software engineer. Answer with working code first, then a short explanation. Point out edge cases and anything you had to assume.',
    wants: 3,
    candidates: ['anthropic/claude-sonnet-4.5', 'openai/gpt-5', 'google/gemini-2.5-pro', 'qwen/qwen3-coder', 'deepseek/deepseek-chat-v3.1', 'x-ai/grok-code-fast-1'],
    settings: { temperature: 0.2 },
  },
  {
    id: 'starter-cheap',
    name: 'Cheapest good answer',
    description: 'Low-priced models that still answer well, to see how little a good answer costs.',
    systemPrompt: 'Answer clearly and briefly.',
    wants: 3,
    candidates: ['google/gemini-2.5-flash-lite', 'openai/gpt-5-nano', 'deepseek/deepseek-chat-v3.1', 'mistralai/mistral-small-3.2-24b-instruct', 'openai/gpt-4o-mini', 'meta-llama/llama-3.3-70b-instruct'],
    settings: { maxTokens: 1024 },
  },
  {
    id: 'starter-blind',
    name: 'Blind taste test',
    description: 'Two models answer without their names until you vote for the better answer.',
    wants: 2,
    candidates: ['openai/gpt-5', 'anthropic/claude-sonnet-4.5', 'google/gemini-2.5-pro', 'deepseek/deepseek-chat-v3.1'],
    blind: true,
  },
];

export interface ResolvedStarter {
  assistant: Assistant;
  /** candidates it wanted but the catalog does not have (only when it could not fill its columns) */
  missing: string[];
}

/** The starter as an assistant over the models the catalog has (`known`); fewer columns, and `missing`, if short. */
export function resolveStarter(s: StarterAssistant, known: ReadonlySet<string>): ResolvedStarter {
  const present = s.candidates.filter((m) => known.has(m)).slice(0, s.wants);
  const missing = present.length < s.wants ? s.candidates.filter((m) => !known.has(m)) : [];
  return {
    assistant: {
      id: s.id,
      name: s.name,
      description: s.description,
      ...(s.systemPrompt ? { systemPrompt: s.systemPrompt } : {}),
      columns: present.map((model) => ({ model, settings: { ...(s.settings ?? {}) } })),
      ...(s.blind ? { blind: true } : {}),
      createdAt: 0,
      updatedAt: 0,
    },
    missing,
  };
}
