// Preload (sandboxed): exposes exactly the contract's methods as window.api, plus a helper that
// turns a dropped file into a path token. Never exposes ipcRenderer or the IPC event object.

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { Progress } from '../../shared/domain/types';
import type { Envelope } from '../../shared/errors';
import { buildApi } from '../../shared/ipc/api';
import { GRANT_DROP, INVOKE, PROGRESS_EVENT } from '../../shared/ipc/contract';

const api = buildApi(
  (channel, input) => ipcRenderer.invoke(INVOKE, channel, input) as Promise<Envelope<unknown>>,
  (listener) => {
    const handler = (_event: unknown, p: Progress) => listener(p);
    ipcRenderer.on(PROGRESS_EVENT, handler);
    return () => ipcRenderer.removeListener(PROGRESS_EVENT, handler);
  },
);

contextBridge.exposeInMainWorld('api', api);
// a dropped file: its path comes from the File (the OS drop), never from the page; the page gets a token
contextBridge.exposeInMainWorld('files', {
  grantDropped: (file: File): Promise<string | null> => ipcRenderer.invoke(GRANT_DROP, webUtils.getPathForFile(file)) as Promise<string | null>,
});
