import { BridgeError, type ParleyBridge, type BridgeErrorShape } from '../../shared/contract/bridge';
import { WS_PATH, AUTH_PROTOCOL_PREFIX, SESSION_PATH, SESSION_TOKEN_HEADER, type ServerFrame } from '../../shared/contract/wire';
import type { EventName } from '../../shared/contract/events';

/** `refused`: the token was never accepted (a wrong or old link). `restarted`: it was, until the host restarted with
 * a new one; only the link the new host printed gets back in. */
export type ConnectionStatus = 'connecting' | 'open' | 'closed' | 'refused' | 'restarted';

interface Pending {
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** The host transport: routes and events over one WebSocket to 127.0.0.1, reconnecting if it drops. Calls made
 * while disconnected wait for the connection rather than fail. */
export function createWsBridge(
  token: string,
  opts: {
    url?: string;
    onStatus?: (s: ConnectionStatus) => void;
    WebSocketImpl?: typeof WebSocket;
    /** Asks the host whether it still accepts the token: 'yes', 'no', or 'unknown' (unreachable). */
    checkToken?: () => Promise<'yes' | 'no' | 'unknown'>;
  } = {},
): ParleyBridge & { close(): void } {
  const url = opts.url ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}`;
  const WS = opts.WebSocketImpl ?? WebSocket;
  const checkToken = opts.checkToken ?? (() => askHost(token));
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let closed = false;
  let retryMs = 250;
  let everOpened = false;

  function giveUp(status: 'refused' | 'restarted', message: string) {
    opts.onStatus?.(status);
    for (const p of pending.values()) p.reject(new BridgeError({ code: 'unauthorized', message }));
    pending.clear();
    queue.length = 0;
  }

  function connect() {
    opts.onStatus?.('connecting');
    const ws = new WS(url, ['parley.v1', AUTH_PROTOCOL_PREFIX + token]);
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      everOpened = true;
      retryMs = 250;
      opts.onStatus?.('open');
      for (const frame of queue.splice(0)) ws.send(frame);
    };
    ws.onmessage = (msg) => {
      const frame = JSON.parse(String(msg.data)) as ServerFrame;
      if (frame.t === 'result') {
        const p = pending.get(frame.id);
        if (!p) return;
        pending.delete(frame.id);
        if (frame.ok) p.resolve(frame.value);
        else p.reject(new BridgeError(frame.error as BridgeErrorShape));
      } else if (frame.t === 'event') {
        for (const l of listeners.get(frame.event) ?? []) l(frame.payload);
      }
    };
    ws.onclose = () => {
      socket = null;
      if (closed) return;
      // A refused handshake never opens: a wrong or stale token. Retrying would not help.
      if (!everOpened) return giveUp('refused', 'The host refused this page’s access token');
      opts.onStatus?.('closed');
      const retry = () => {
        if (closed) return;
        setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, 5000);
      };
      if (opened) return retry();
      // A reconnection that failed: the host is down (keep trying), or it is up again and no longer knows this
      // page's token because it was restarted (retrying forever would show "Reconnecting…" forever).
      void checkToken().then(
        (answer) => (answer === 'no' ? giveUp('restarted', 'Parley was restarted: reopen the link printed in the terminal') : retry()),
        retry,
      );
    };
  }
  connect();

  return {
    transport: 'host',
    invoke(route, input) {
      const id = nextId++;
      const frame = JSON.stringify({ t: 'call', id, route, input });
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        if (socket && socket.readyState === WS.OPEN) socket.send(frame);
        else queue.push(frame);
      });
    },
    on(event: EventName, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
}

/** The host's answer to "do you still accept this token?" (see SESSION_PATH). */
async function askHost(token: string): Promise<'yes' | 'no' | 'unknown'> {
  try {
    const res = await fetch(SESSION_PATH, { headers: { [SESSION_TOKEN_HEADER]: token }, cache: 'no-store' });
    return res.status === 204 ? 'yes' : res.status === 401 ? 'no' : 'unknown';
  } catch {
    return 'unknown'; // not listening: down or still starting
  }
}
