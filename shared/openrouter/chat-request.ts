import { z } from 'zod';

// OpenRouter chat-completions request (docs/openrouter-api.md §1). Unknown top-level fields pass
// through (OpenRouter forwards provider-specific parameters), but the fields Parley routes on are validated.

const cacheControl = z.object({ type: z.literal('ephemeral'), ttl: z.enum(['5m', '1h']).optional() });

export const contentPartSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string(), cache_control: cacheControl.optional() }).loose(),
  z.object({
    type: z.literal('image_url'),
    image_url: z.object({ url: z.string(), detail: z.enum(['auto', 'low', 'high', 'original']).optional() }),
  }),
  z.object({
    type: z.literal('file'),
    file: z.object({ filename: z.string().optional(), file_data: z.string().optional(), file_id: z.string().optional() }),
  }),
  z.object({ type: z.literal('input_audio'), input_audio: z.object({ data: z.string(), format: z.string() }) }),
]);
export type ContentPart = z.infer<typeof contentPartSchema>;

export const toolCallSchema = z.object({
  id: z.string(),
  type: z.literal('function'),
  function: z.object({ name: z.string(), arguments: z.string() }),
});
export type ToolCall = z.infer<typeof toolCallSchema>;

const content = z.union([z.string(), z.array(contentPartSchema)]);

export const chatMessageSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content, name: z.string().optional() }),
  z.object({ role: z.literal('developer'), content, name: z.string().optional() }),
  z.object({ role: z.literal('user'), content, name: z.string().optional() }),
  z.object({
    role: z.literal('assistant'),
    content: z.union([content, z.null()]).optional(),
    name: z.string().optional(),
    tool_calls: z.array(toolCallSchema).optional(),
    reasoning: z.string().nullable().optional(),
    reasoning_details: z.array(z.record(z.string(), z.unknown())).optional(),
    /** Images the answer generated; sent back as image inputs so the next turn can edit them. */
    images: z.array(z.object({ type: z.literal('image_url'), image_url: z.object({ url: z.string() }) })).optional(),
  }),
  z.object({ role: z.literal('tool'), content, tool_call_id: z.string() }),
]);
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const providerPreferencesSchema = z.object({
  order: z.array(z.string()).optional(),
  only: z.array(z.string()).optional(),
  ignore: z.array(z.string()).optional(),
  allow_fallbacks: z.boolean().optional(),
  require_parameters: z.boolean().optional(),
  data_collection: z.enum(['allow', 'deny']).optional(),
  sort: z
    .union([
      z.enum(['price', 'throughput', 'latency']),
      z.object({ by: z.enum(['price', 'throughput', 'latency']), partition: z.enum(['model', 'none']).optional() }),
    ])
    .optional(),
  max_price: z
    .object({
      prompt: z.number().optional(),
      completion: z.number().optional(),
      image: z.number().optional(),
      request: z.number().optional(),
    })
    .optional(),
}).loose();
export type ProviderPreferences = z.infer<typeof providerPreferencesSchema>;

export const reasoningSchema = z.object({
  effort: z.enum(['max', 'xhigh', 'high', 'medium', 'low', 'minimal', 'none']).optional(),
  max_tokens: z.number().int().positive().optional(),
  exclude: z.boolean().optional(),
  enabled: z.boolean().optional(),
}).loose();
export type ReasoningConfig = z.infer<typeof reasoningSchema>;

export const pluginSchema = z.object({ id: z.string(), enabled: z.boolean().optional() }).loose();

export const toolSchema = z.object({
  type: z.literal('function'),
  function: z.object({
    name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().optional(),
  }),
}).loose();

export const chatRequestSchema = z.object({
  model: z.string().min(1).optional(),
  models: z.array(z.string().min(1)).optional(),
  messages: z.array(chatMessageSchema).min(1),
  stream: z.boolean().optional(),
  max_tokens: z.number().int().positive().optional(),
  max_completion_tokens: z.number().int().positive().optional(),
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().gt(0).max(1).optional(),
  top_k: z.number().int().min(0).optional(),
  frequency_penalty: z.number().min(-2).max(2).optional(),
  presence_penalty: z.number().min(-2).max(2).optional(),
  repetition_penalty: z.number().gt(0).max(2).optional(),
  seed: z.number().int().optional(),
  stop: z.union([z.string(), z.array(z.string())]).optional(),
  response_format: z.record(z.string(), z.unknown()).optional(),
  tools: z.array(toolSchema).optional(),
  tool_choice: z.unknown().optional(),
  parallel_tool_calls: z.boolean().optional(),
  reasoning: reasoningSchema.optional(),
  /** Output modalities (`["image", "text"]` asks for images). */
  modalities: z.array(z.enum(['text', 'image', 'audio'])).optional(),
  reasoning_effort: z.enum(['max', 'xhigh', 'high', 'medium', 'low', 'minimal', 'none']).optional(),
  include_reasoning: z.boolean().optional(),
  provider: providerPreferencesSchema.optional(),
  plugins: z.array(pluginSchema).optional(),
  user: z.string().optional(),
  session_id: z.string().max(256).optional(),
}).loose();
export type ChatRequest = z.infer<typeof chatRequestSchema>;
