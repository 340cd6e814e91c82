import type { RouteName, RouteInput, RouteOutput } from './routes';
import type { EventName, EventPayload } from './events';

/** The renderer's only handle on main. Implemented by the Electron preload (window.parley) and by the host's
 * WebSocket client; the renderer cannot tell which. */
export interface ParleyBridge {
  invoke<R extends RouteName>(route: R, input: RouteInput<R>): Promise<RouteOutput<R>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  readonly transport: 'electron' | 'host';
}

/** Errors crossing the bridge keep a stable code so the UI can react without parsing text. */
export interface BridgeErrorShape {
  code: 'bad-request' | 'not-found' | 'unauthorized' | 'internal' | 'unavailable';
  message: string;
  issues?: { path: string; message: string }[];
}

export class BridgeError extends Error {
  readonly code: BridgeErrorShape['code'];
  readonly issues?: BridgeErrorShape['issues'];
  constructor(shape: BridgeErrorShape) {
    super(shape.message);
    this.name = 'BridgeError';
    this.code = shape.code;
    this.issues = shape.issues;
  }
  toShape(): BridgeErrorShape {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }
}
