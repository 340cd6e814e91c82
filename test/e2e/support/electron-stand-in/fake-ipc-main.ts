import { EventEmitter } from 'node:events';
import type { FakeWebContents } from './fake-browser-window';

type InvokeHandler = (event: InvokeEvent, ...args: unknown[]) => unknown;

/** The slice of Electron's IpcMainInvokeEvent a handler sees. senderFrame is null when the frame has gone away. */
export interface InvokeEvent {
  type: 'frame';
  sender: FakeWebContents;
  senderFrame: { url: string; origin: string } | null;
  frameId: number;
  processId: number;
}

function originOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'null';
  }
}

/** Electron's `ipcMain` for invoke/handle: one handler per channel, arguments and results structured-cloned
 * across the process boundary, and a handler's exception surfacing in the renderer as Electron words it. */
export class FakeIpcMain extends EventEmitter {
  private readonly handlers = new Map<string, InvokeHandler>();
  /** How many invokes reached a handler. */
  invocations = 0;

  handle(channel: string, listener: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  handleOnce(channel: string, listener: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return listener(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  channels(): string[] {
    return [...this.handlers.keys()];
  }

  /** A renderer's `ipcRenderer.invoke(channel, ...args)` from the frame at `frameUrl` of `sender`. */
  async invokeFrom(sender: FakeWebContents, frameUrl: string | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    this.invocations++;
    const event: InvokeEvent = {
      type: 'frame',
      sender,
      senderFrame: frameUrl === null ? null : { url: frameUrl, origin: originOf(frameUrl) },
      frameId: 1,
      processId: 1,
    };
    try {
      return structuredClone(await handler(event, ...structuredClone(args)));
    } catch (err) {
      throw new Error(`Error invoking remote method '${channel}': ${String(err)}`, { cause: err });
    }
  }
}
