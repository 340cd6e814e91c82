import { z } from 'zod';

// Every kind of upstream Parley speaks to, with the facts both sides of the bridge need: the name a key form
// shows, the default base URL and the environment variables read at start-up. Every per-kind list, record and zod
// enum in Parley derives from UPSTREAM_KINDS, so a new kind added here is a type error everywhere it is missing.
// The wire-format facts live with the engine's provider modules (electron/engine/providers/<kind>/).

export const UPSTREAM_KINDS = ['openrouter', 'openai-compatible', 'anthropic', 'gemini'] as const;

export type UpstreamKind = (typeof UPSTREAM_KINDS)[number];

export const upstreamKindSchema = z.enum(UPSTREAM_KINDS);

export interface UpstreamKindInfo {
  /** The name a key of this kind gets when the user gives none. */
  label: string;
  /** What the kind picker in Settings says. */
  formLabel: string;
  defaultBaseUrl: string;
  /** Environment variables read at start-up: the key, and an optional base URL that replaces the default. */
  env: { id: string; key: string; baseUrl: string };
  /** A router (OpenRouter, another gateway): it serves any model slug, routes by provider preferences, reports
   * what it charged (only its fee when a BYOK key of the user's is behind it). Its provider module has a
   * `router` capability (electron/engine/providers/provider-module.ts). */
  router: boolean;
}

export const UPSTREAM_KIND_INFO: Record<UpstreamKind, UpstreamKindInfo> = {
  openrouter: {
    label: 'OpenRouter',
    formLabel: 'OpenRouter',
    defaultBaseUrl: 'https://openrouter.ai/api/v1',
    env: { id: 'env:openrouter', key: 'OPENROUTER_API_KEY', baseUrl: 'OPENROUTER_BASE_URL' },
    router: true,
  },
  'openai-compatible': {
    label: 'OpenAI',
    formLabel: 'OpenAI or compatible (Groq, DeepSeek, xAI, Ollama, LM Studio…)',
    defaultBaseUrl: 'https://api.openai.com/v1',
    env: { id: 'env:openai', key: 'OPENAI_API_KEY', baseUrl: 'OPENAI_BASE_URL' },
    router: false,
  },
  anthropic: {
    label: 'Anthropic',
    formLabel: 'Anthropic',
    defaultBaseUrl: 'https://api.anthropic.com',
    env: { id: 'env:anthropic', key: 'ANTHROPIC_API_KEY', baseUrl: 'ANTHROPIC_BASE_URL' },
    router: false,
  },
  gemini: {
    label: 'Google AI Studio',
    formLabel: 'Google Gemini',
    defaultBaseUrl: 'https://generativelanguage.googleapis.com',
    env: { id: 'env:gemini', key: 'GEMINI_API_KEY', baseUrl: 'GEMINI_BASE_URL' },
    router: false,
  },
};

/** Whether upstreams of this kind are routers (see UpstreamKindInfo.router); false for none. */
export const isRouterKind = (kind: UpstreamKind | null | undefined): boolean => !!kind && UPSTREAM_KIND_INFO[kind].router;
