import type { ServerResponse } from 'node:http';
import type { ApiCaller } from './auth';
import { sendError, sendJson } from './http-io';

// The local API's read-only routes, in OpenRouter's shapes (docs/openrouter-api.md §4, §8). What they answer comes
// from the backend (catalog, health, usage records, app keys); the engine only frames it.

type Json = Record<string, unknown>;

export interface LocalApiData {
  /** GET /models: full OpenRouter model entries. */
  models?(): Json[] | Promise<Json[]>;
  /** GET /model/{author}/{slug}: one full model entry, or undefined for a model the list does not hold. */
  model?(slug: string): Json | undefined | Promise<Json | undefined>;
  /** GET /models/{author}/{slug}/endpoints: `{id, name, …, endpoints}`, or undefined for an unknown model. */
  modelEndpoints?(slug: string): Json | undefined | Promise<Json | undefined>;
  /** GET /generation?id=: one of the caller's own generations, or undefined. */
  generation?(id: string, caller: ApiCaller): Json | undefined;
  /** GET /key: the calling key. */
  key?(caller: ApiCaller): Json | undefined;
  /** GET /credits: what the calling key may spend and has spent; undefined for a key without limits (403). */
  credits?(caller: ApiCaller): Json | undefined;
}

const fail = (res: ServerResponse) => () => sendError(res, 500, 'Internal error.', {}, { error_type: 'server' });

const MAX_PAGE = 1000;

/** `offset` and `limit` of GET /models (docs/openrouter-api.md §8.1): both absent = the whole list. */
function pageOf(query: string): { offset: number; limit: number } | 'all' | 'invalid' {
  const q = new URLSearchParams(query);
  const rawOffset = q.get('offset');
  const rawLimit = q.get('limit');
  if (rawOffset === null && rawLimit === null) return 'all';
  const offset = rawOffset === null || rawOffset === '' ? 0 : Number(rawOffset);
  const limit = rawLimit === null || rawLimit === '' ? 500 : Number(rawLimit);
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) return 'invalid';
  return { offset, limit };
}

export function listModels(res: ServerResponse, data: LocalApiData, countOnly: boolean, query = ''): void {
  const page = countOnly ? 'all' : pageOf(query);
  if (page === 'invalid') {
    return sendError(res, 400, `"offset" must be a whole number ≥ 0 and "limit" one from 1 to ${MAX_PAGE}.`, {}, { error_type: 'invalid_request' });
  }
  Promise.resolve(data.models?.() ?? [])
    .then((models) => {
      if (countOnly) return sendJson(res, 200, { data: { count: models.length } });
      if (page === 'all') return sendJson(res, 200, { data: models, total_count: models.length, links: { next: null } });
      const end = page.offset + page.limit;
      const next = end < models.length ? `/api/v1/models?offset=${end}&limit=${page.limit}` : null;
      sendJson(res, 200, { data: models.slice(page.offset, end), total_count: models.length, links: { next } });
    })
    .catch(fail(res));
}

/** `{ data }` for a model the catalog holds, else OpenRouter's 404. */
function modelOr404(res: ServerResponse, slug: string, lookup: Promise<unknown> | unknown): void {
  Promise.resolve(lookup)
    .then((found) => {
      if (found) sendJson(res, 200, { data: found });
      else sendError(res, 404, `Model "${slug}" not found.`, {}, { error_type: 'not_found' });
    })
    .catch(fail(res));
}

export function oneModel(res: ServerResponse, data: LocalApiData, slug: string): void {
  modelOr404(res, slug, data.model?.(slug));
}

export function modelEndpoints(res: ServerResponse, data: LocalApiData, slug: string): void {
  modelOr404(res, slug, data.modelEndpoints?.(slug));
}

export function generation(res: ServerResponse, data: LocalApiData, query: string, caller: ApiCaller): void {
  const id = new URLSearchParams(query).get('id');
  if (!id) return sendError(res, 400, 'Give the generation id: /generation?id=gen-…', {}, { error_type: 'invalid_request' });
  const found = data.generation?.(id, caller);
  if (!found) return sendError(res, 404, `Generation ${id} not found for this key.`, {}, { error_type: 'not_found' });
  sendJson(res, 200, { data: found });
}

export function keyInfo(res: ServerResponse, data: LocalApiData, caller: ApiCaller): void {
  const found = data.key?.(caller);
  if (!found) return sendError(res, 404, '/key is not available.', {}, { error_type: 'not_found' });
  sendJson(res, 200, { data: found });
}

/** Like OpenRouter, which answers /credits only to keys that may see the account (docs/openrouter-api.md §12.2). */
export function credits(res: ServerResponse, data: LocalApiData, caller: ApiCaller): void {
  const found = data.credits?.(caller);
  if (!found) {
    const message = 'This app key has no credit limit or budget, so it has no credit balance: set one in Parley’s Settings → Local API, or read GET /key.';
    return sendError(res, 403, message, {}, { error_type: 'permission_denied' });
  }
  sendJson(res, 200, { data: found });
}
