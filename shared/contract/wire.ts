import { z } from 'zod';

// Framing for the host transport (WebSocket on 127.0.0.1). Electron IPC carries the same values natively.

export const clientFrameSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('call'), id: z.number().int().nonnegative(), route: z.string().max(128), input: z.unknown() }),
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

export type ServerFrame =
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; error: { code: string; message: string; issues?: unknown } }
  | { t: 'event'; event: string; payload: unknown }
  | { t: 'hello'; transport: 'host' };

export const WS_PATH = '/bridge';
export const AUTH_PROTOCOL_PREFIX = 'parley.token.';

/** GET with the token in SESSION_TOKEN_HEADER: 204 while the host still accepts it, 401 once it does not (the host
 * was restarted and made a new one). Lets a page whose reconnection keeps failing tell "host down" from "restarted". */
export const SESSION_PATH = '/session';
export const SESSION_TOKEN_HEADER = 'X-Parley-Token';
