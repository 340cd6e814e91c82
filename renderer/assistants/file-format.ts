import { z } from 'zod';
import { describeIssues, scanStructure } from '../history/transfer/formats/guard';
import type { ImportLimits } from '../history/transfer/formats/export-format';
import type { Assistant, AssistantColumn } from './types';

// The assistant file: one assistant as a small JSON document (docs/export-format.md, "Assistants"). Reading one
// checks its size, its structure and every field before anything is stored; a file Parley cannot use is refused
// with a reason and changes nothing.

export const ASSISTANT_FILE_FORMAT = 'parley-assistant';
export const ASSISTANT_FILE_VERSION = 1;
export const MAX_ASSISTANT_FILE_BYTES = 256 * 1024;
const MAX_COLUMNS = 16;
const MAX_PROMPT = 100_000;

export class AssistantFileError extends Error {
  override name = 'AssistantFileError';
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

const slug = z.string().trim().min(1, 'a model is needed').max(200);
const providerSchema = z.strictObject({
  order: z.array(z.string().max(100)).max(50).optional(),
  only: z.array(z.string().max(100)).max(50).optional(),
  ignore: z.array(z.string().max(100)).max(50).optional(),
  sort: z.enum(['price', 'throughput', 'latency']).optional(),
  allowFallbacks: z.boolean().optional(),
});
const settingsSchema = z.strictObject({
  systemPrompt: z.string().max(MAX_PROMPT).optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().positive().max(10_000_000).optional(),
  reasoningEffort: z.enum(['minimal', 'low', 'medium', 'high', 'xhigh']).optional(),
  provider: providerSchema.optional(),
  webSearch: z
    .strictObject({ enabled: z.boolean(), engine: z.enum(['native', 'exa']).optional(), maxResults: z.number().int().min(1).max(25).optional() })
    .optional(),
});
const columnSchema = z.strictObject({ model: slug, label: z.string().max(200).optional(), settings: settingsSchema.default({}) });

export const assistantFileSchema = z.strictObject({
  format: z.literal(ASSISTANT_FILE_FORMAT),
  version: z.literal(ASSISTANT_FILE_VERSION),
  assistant: z.strictObject({
    name: z.string().trim().min(1, 'the assistant needs a name').max(200),
    description: z.string().max(2000).optional(),
    systemPrompt: z.string().max(MAX_PROMPT).optional(),
    columns: z.array(columnSchema).min(1, 'an assistant needs at least one model').max(MAX_COLUMNS),
    blind: z.boolean().optional(),
    pinProviders: z.boolean().optional(),
    contextOverflow: z.enum(['drop-oldest', 'stop']).optional(),
  }),
});
export type AssistantFile = z.infer<typeof assistantFileSchema>;

/** The file for an assistant: what it sets up, never its id or dates. */
export function assistantToFile(a: Assistant): AssistantFile {
  return {
    format: ASSISTANT_FILE_FORMAT,
    version: ASSISTANT_FILE_VERSION,
    assistant: {
      name: a.name,
      ...(a.description ? { description: a.description } : {}),
      ...(a.systemPrompt ? { systemPrompt: a.systemPrompt } : {}),
      columns: a.columns.map((c) => ({ model: c.model, ...(c.label ? { label: c.label } : {}), settings: c.settings })),
      ...(a.blind ? { blind: true } : {}),
      ...(a.pinProviders ? { pinProviders: true } : {}),
      ...(a.contextOverflow ? { contextOverflow: a.contextOverflow } : {}),
    },
  };
}

export function assistantFileText(a: Assistant): string {
  return `${JSON.stringify(assistantToFile(a), null, 2)}\n`;
}

/** Reads an assistant file into a new assistant (fresh id and dates), or throws an AssistantFileError saying why not. */
export function parseAssistantFile(text: string, ids: { id: string; now: number }): Assistant {
  if (text.length > MAX_ASSISTANT_FILE_BYTES) {
    throw new AssistantFileError(`This file is ${Math.ceil(text.length / 1024)} KB; an assistant file is at most ${MAX_ASSISTANT_FILE_BYTES / 1024} KB. Nothing was imported.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new AssistantFileError('This file is not valid JSON, so it is not an assistant file. Nothing was imported.', [err instanceof Error ? err.message : String(err)]);
  }
  try {
    scanStructure(value, { maxBytes: MAX_ASSISTANT_FILE_BYTES, maxDepth: 12 } as ImportLimits);
  } catch (err) {
    throw new AssistantFileError(err instanceof Error ? err.message : String(err));
  }
  const head = value as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== ASSISTANT_FILE_FORMAT) {
    throw new AssistantFileError('This is not a Parley assistant file (its "format" is not "parley-assistant"). Nothing was imported.');
  }
  if (typeof head.version === 'number' && head.version > ASSISTANT_FILE_VERSION) {
    throw new AssistantFileError(`This assistant file is version ${head.version}, written by a newer Parley; this one reads version ${ASSISTANT_FILE_VERSION}. Nothing was imported.`);
  }
  const parsed = assistantFileSchema.safeParse(value);
  if (!parsed.success) {
    const details = describeIssues(parsed.error.issues);
    throw new AssistantFileError(`This assistant file has invalid data: ${details[0] ?? 'unknown problem'}. Nothing was imported.`, details);
  }
  const a = parsed.data.assistant;
  const columns: AssistantColumn[] = a.columns.map((c) => ({ model: c.model, ...(c.label ? { label: c.label } : {}), settings: c.settings }));
  return {
    id: ids.id,
    name: a.name,
    ...(a.description ? { description: a.description } : {}),
    ...(a.systemPrompt ? { systemPrompt: a.systemPrompt } : {}),
    columns,
    ...(a.blind ? { blind: true } : {}),
    ...(a.pinProviders ? { pinProviders: true } : {}),
    ...(a.contextOverflow ? { contextOverflow: a.contextOverflow } : {}),
    createdAt: ids.now,
    updatedAt: ids.now,
  };
}
