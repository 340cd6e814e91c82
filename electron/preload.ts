import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// Sandboxed preload: it can only forward. Validation happens in main; typing happens in the renderer's bridge.
// Raw ipcRenderer is never exposed. Channel names are repeated here because a sandboxed preload cannot import.
const IPC_INVOKE = 'parley:invoke';
const IPC_EVENT = 'parley:event';

contextBridge.exposeInMainWorld('parley', {
  invoke: (route: string, input: unknown) => ipcRenderer.invoke(IPC_INVOKE, route, input),
  subscribe: (listener: (event: string, payload: unknown) => void) => {
    const handler = (_e: IpcRendererEvent, event: string, payload: unknown) => listener(event, payload);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
});
