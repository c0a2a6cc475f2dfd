// Preload (sandboxed): exposes exactly the contract's methods as window.api, plus a helper to
// get the path of a dropped file. Never exposes ipcRenderer or the IPC event object.

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { Progress } from '../../shared/domain/types';
import type { Envelope } from '../../shared/errors';
import { buildApi } from '../../shared/ipc/api';
import { INVOKE, PROGRESS_EVENT } from '../../shared/ipc/contract';

const api = buildApi(
  (channel, input) => ipcRenderer.invoke(INVOKE, channel, input) as Promise<Envelope<unknown>>,
  (listener) => {
    const handler = (_event: unknown, p: Progress) => listener(p);
    ipcRenderer.on(PROGRESS_EVENT, handler);
    return () => ipcRenderer.removeListener(PROGRESS_EVENT, handler);
  },
);

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('files', { pathOf: (file: File): string => webUtils.getPathForFile(file) });
