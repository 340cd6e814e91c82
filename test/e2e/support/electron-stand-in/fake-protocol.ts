import type { FakeApp } from './fake-app';

type Handler = (request: Request) => Response | Promise<Response>;

export interface PrivilegedScheme {
  scheme: string;
  privileges?: Record<string, boolean>;
}

/** Electron's `protocol`: privileged schemes are declared before ready, handlers are installed after it, and a
 * request for a handled scheme gets whatever Response the handler makes (what Chromium then shows). */
export class FakeProtocol {
  privileged: PrivilegedScheme[] | null = null;
  private readonly handlers = new Map<string, Handler>();

  constructor(private readonly app: FakeApp) {}

  registerSchemesAsPrivileged(schemes: PrivilegedScheme[]): void {
    if (this.app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged = structuredClone(schemes);
  }

  handle(scheme: string, handler: Handler): void {
    if (!this.app.isReady()) throw new Error('protocol.handle can only be used after the app is ready');
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }

  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  /** What the renderer gets when it requests `url` from a handled scheme. */
  async request(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME loading '${url}'`);
    return handler(new Request(url, init));
  }
}
