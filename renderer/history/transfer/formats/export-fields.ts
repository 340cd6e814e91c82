import { z } from 'zod';
import { ID_PATTERN } from '../../db/ids';
import type { ImportLimits } from './export-format';

// The building blocks of the export schema: bounded ids, texts, times, counts and amounts.

const SHORT = 2000;

export function exportFields(limits: ImportLimits) {
  const id = z.string().regex(ID_PATTERN, 'not a valid id');
  const short = z.string().max(SHORT);
  const text = z.string().max(limits.maxTextChars);
  const ms = z.number().int().min(0).max(8.64e15);
  const count = z.number().int().min(0).max(1e12);
  const micros = z.number().int().min(-1e15).max(1e15);
  const finite = z.number().finite();
  const limitedRecord = <V extends z.ZodType>(key: z.ZodString, value: V, max: number) =>
    z.record(key, value).refine((r) => Object.keys(r).length <= max, `more than ${max} entries`);
  const usdText = z.string().regex(/^-?\d{1,15}(\.\d{1,30})?$/, 'not a decimal amount');
  const finishReason = z.enum(['stop', 'length', 'tool_calls', 'content_filter', 'error']);
  return { id, short, text, ms, count, micros, finite, limitedRecord, usdText, finishReason };
}

export type ExportFields = ReturnType<typeof exportFields>;
