// Handlers of the channels only Electron's main process can answer: native file dialogs,
// printing the page to PDF, restarting the data service and the app lock. They go through the same
// dispatch (channel check, zod validation, Chinese errors) as the services' channels; printing is
// guarded by two-person control through the worker (host/main-guard.ts) before it runs.

import { app, dialog, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AppInfo } from '../../shared/domain/types';
import { AppError } from '../../shared/errors';
import type { Channel, ParsedInput, Result } from '../../shared/ipc/contract';
import type { DbWorkerClient } from '../services/host/worker-client';
import { openKind, type PathGrants } from './path-grants';
import type { AppLockController } from './app-lock';

export interface MainContext {
  window: BrowserWindow;
  worker: DbWorkerClient;
  grants: PathGrants;
  lock: AppLockController;
  /** the main process's own settings file (settings.json in the user's data folder) */
  settings: { contentProtection: () => boolean; save: (change: { contentProtection: boolean }) => void };
}

type MainChannel =
  'dialog.open' | 'dialog.save' | 'dialog.folder' | 'print.pdf' | 'app.restartService' | 'app.contentProtection' | 'app.lockState' | 'app.lock';
type MainHandlers = { [C in MainChannel & Channel]: (input: ParsedInput<C>, ctx: MainContext) => Promise<Result<C>> };

export const mainHandlers: MainHandlers = {
  // the dialogs answer with tokens (path-grants.ts) and the file's name for display
  'dialog.open': async (input, { window, grants }) => {
    const r = await dialog.showOpenDialog(window, { title: input.title, properties: ['openFile'], filters: input.filters });
    const path = r.canceled ? null : (r.filePaths[0] ?? null);
    return { path: path && grants.grant(path, openKind(input.filters)), name: path && basename(path) };
  },
  'dialog.save': async (input, { window, grants }) => {
    const r = await dialog.showSaveDialog(window, {
      title: input.title,
      defaultPath: join(app.getPath('documents'), basename(input.defaultName)),
      filters: input.filters,
    });
    const path = r.canceled ? null : (r.filePath ?? null);
    return { path: path && grants.grant(path, 'save'), name: path && basename(path) };
  },
  'dialog.folder': async (input, { window, grants }) => {
    const r = await dialog.showOpenDialog(window, {
      title: input.title,
      defaultPath: app.getPath('documents'),
      properties: ['openDirectory', 'createDirectory'],
    });
    const path = r.canceled ? null : (r.filePaths[0] ?? null);
    return { path: path && grants.grant(path, 'folder'), name: path && basename(path) };
  },
  'print.pdf': async (input, { window }) => {
    const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, landscape: input.landscape ?? false });
    await writeFile(input.path, pdf);
    return { path: input.path };
  },
  'app.contentProtection': async (input, { window, settings }) => {
    if (input.on !== undefined) {
      window.setContentProtection(input.on);
      settings.save({ contentProtection: input.on });
    }
    return { on: settings.contentProtection() };
  },
  'app.lockState': async (_input, { lock }) => lock.state(),
  'app.lock': async (input, { lock }) => lock.set(input),
  'app.restartService': async (_input, { worker }) => {
    await worker.restart();
    const info = await worker.invoke('app.info', {});
    if (!info.ok) throw new AppError(info.error.code, info.error.message, info.error.hint);
    return info.value as AppInfo;
  },
};
