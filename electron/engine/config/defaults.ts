import type { UpstreamKind } from '../../../shared/openrouter/generation';

export const DEFAULT_BASE_URLS = {
  openrouter: 'https://openrouter.ai/api/v1',
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
  gemini: 'https://generativelanguage.googleapis.com',
} as const;

export const DEFAULT_LABELS: Record<UpstreamKind, string> = {
  openrouter: 'OpenRouter',
  anthropic: 'Anthropic',
  gemini: 'Google AI Studio',
  'openai-compatible': 'OpenAI',
};

/** Environment variables read at start-up: key and optional base URL per provider. */
export const ENV_UPSTREAMS = [
  { id: 'env:openrouter', kind: 'openrouter', label: 'OpenRouter', key: 'OPENROUTER_API_KEY', baseUrl: 'OPENROUTER_BASE_URL', defaultBaseUrl: DEFAULT_BASE_URLS.openrouter },
  { id: 'env:openai', kind: 'openai-compatible', label: 'OpenAI', key: 'OPENAI_API_KEY', baseUrl: 'OPENAI_BASE_URL', defaultBaseUrl: DEFAULT_BASE_URLS.openai },
  { id: 'env:anthropic', kind: 'anthropic', label: 'Anthropic', key: 'ANTHROPIC_API_KEY', baseUrl: 'ANTHROPIC_BASE_URL', defaultBaseUrl: DEFAULT_BASE_URLS.anthropic },
  { id: 'env:gemini', kind: 'gemini', label: 'Google AI Studio', key: 'GEMINI_API_KEY', baseUrl: 'GEMINI_BASE_URL', defaultBaseUrl: DEFAULT_BASE_URLS.gemini },
] as const satisfies readonly { id: string; kind: UpstreamKind; label: string; key: string; baseUrl: string; defaultBaseUrl: string }[];

export const LOCAL_SERVERS = {
  ollama: { id: 'local:ollama', label: 'Ollama', port: 11434 },
  lmStudio: { id: 'local:lm-studio', label: 'LM Studio', port: 1234 },
} as const;
