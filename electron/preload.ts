import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from './ipc/channels';

// Sandboxed preload: it can only forward. Validation happens in main; typing happens in the renderer's bridge.
// Raw ipcRenderer is never exposed. A sandboxed preload can require only `electron` at run time, so the build
// bundles it into one CommonJS file with the channel names inlined (vite.config.ts, --mode preload).

contextBridge.exposeInMainWorld('parley', {
  invoke: (route: string, input: unknown) => ipcRenderer.invoke(IPC_INVOKE, route, input),
  subscribe: (listener: (event: string, payload: unknown) => void) => {
    const handler = (_e: IpcRendererEvent, event: string, payload: unknown) => listener(event, payload);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
});
