// Electron main process. Follows the Electron security checklist: one window, context isolation,
// sandbox, no Node in the renderer, the UI served from a privileged app:// scheme with a strict
// CSP, every non-app request cancelled, navigation/new windows/permissions denied, IPC senders
// checked, no auto-update, telemetry or crash upload. Fuses are flipped at packaging time
// (electron-builder.config.cjs). The database and all services run in a worker thread.

import { app, BrowserWindow, ipcMain, Menu, powerMonitor, protocol, session } from 'electron';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../shared/errors';
import { contract, GRANT_DROP, INVOKE, isChannel, PROGRESS_EVENT } from '../../shared/ipc/contract';
import { guardOf } from '../../shared/ipc/guards';
import { AppError } from '../../shared/errors';
import { PathGrants } from './path-grants';
import { dispatchTo } from '../services/host/dispatch';
import { DbWorkerClient } from '../services/host/worker-client';
import { unpackedPath } from '../services/host/bundled-workers';
import { mainHandlers } from './main-handlers.electron';
import { AppLockController, DEFAULT_LOCK_MINUTES } from './app-lock';
import {
  APP_ENTRY,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  mimeType,
  resolveAppPath,
} from './security-policy';

// No network at all: no background requests, no component updates, no spell-check downloads.
app.commandLine.appendSwitch('disable-background-networking');
app.commandLine.appendSwitch('disable-component-update');
app.commandLine.appendSwitch('disable-domain-reliability');
app.commandLine.appendSwitch('no-pings');
// the UI is Chinese whatever the system's language: dates, number inputs, built-in messages
app.commandLine.appendSwitch('lang', 'zh-CN');
app.enableSandbox();

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const rendererRoot = join(__dirname, '..', 'renderer');
const resourcesRoot = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
let mainWindow: BrowserWindow | null = null;
let worker: DbWorkerClient | null = null;
/** the app lock (app-lock.ts): while locked, nothing but the unlock is answered, here and in the worker */
let lock: AppLockController | null = null;

function actor(): string {
  try {
    return userInfo().username || '本机用户';
  } catch {
    return '本机用户';
  }
}

async function serveApp(request: Request): Promise<Response> {
  const file = resolveAppPath(rendererRoot, request.url);
  if (!file) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: { 'Content-Type': mimeType(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, details.resourceType) }));
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  ses.setSpellCheckerEnabled(false);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

/** the paths the page may use: tokens from the dialogs (path-grants.ts) */
const grants = new PathGrants();

function registerIpc(): void {
  ipcMain.handle(GRANT_DROP, (event, path: unknown) => {
    const frame = event.senderFrame;
    if (!frame || !isTrustedSender(frame.url, frame === event.sender.mainFrame) || typeof path !== 'string' || !path || lock?.locked) return null;
    return grants.grant(path, 'open');
  });
  ipcMain.handle(INVOKE, async (event, channel: unknown, input: unknown): Promise<Envelope<unknown>> => {
    const frame = event.senderFrame;
    if (!frame || !isTrustedSender(frame.url, frame === event.sender.mainFrame))
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '拒绝来自非本程序页面的请求。' } };
    if (!isChannel(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '未知的操作。' } };
    if (!worker || !mainWindow || !lock) return { ok: false, error: { code: 'INTERNAL', message: '数据服务尚未启动。', hint: '请稍候再试。' } };
    const refused = lock.refusal(channel);
    if (refused) return refused;
    // only paths the user picked: dialog tokens become paths here, before any handler sees them
    const granted = grants.resolve(channel, input);
    if (!granted.ok) return { ok: false, error: granted.error };
    // the main process's own channels: same validation and error path as the services'
    if (contract[channel].where === 'main') {
      const w = worker;
      const ctx = { window: mainWindow, worker: w, grants, lock, settings: { contentProtection: contentProtectionSetting, save: writeSettings } };
      // printing: two-person control, asked of the worker (host/main-guard.ts), which also audits it
      const r = await dispatchTo('main', mainHandlers, channel, granted.input, ctx, undefined, async (c, i) => {
        if (!guardOf(c)) return ctx;
        const g = await w.internal({ internal: 'guard', channel: c, input: i });
        if (!g.ok) throw new AppError(g.error.code, g.error.message, g.error.hint, g.error.ticket);
        return ctx;
      });
      if (r.ok) grants.consume(granted.used);
      return r;
    }
    const result = await worker.invoke(channel, granted.input);
    lock.answered(channel, result);
    if (result.ok) grants.consume(granted.used);
    // the workspace the user opened or created is the one the app starts with next time
    if (result.ok && (channel === 'workspace.open' || channel === 'workspace.create')) rememberWorkspace((result.value as { path: string }).path);
    return result;
  });
}

const settingsFile = () => join(app.getPath('userData'), 'settings.json');

interface MainSettings {
  workspace?: string;
  contentProtection?: boolean;
  lockMinutes?: number;
}

function readSettings(): MainSettings {
  try {
    return JSON.parse(readFileSync(settingsFile(), 'utf8')) as MainSettings;
  } catch {
    return {};
  }
}

function writeSettings(change: MainSettings): void {
  try {
    writeFileSync(settingsFile(), JSON.stringify({ ...readSettings(), ...change }, null, 2));
  } catch (e) {
    console.error('[main] could not save the settings:', e);
  }
}

function lastWorkspace(): string | null {
  const p = readSettings().workspace;
  return typeof p === 'string' && existsSync(p) ? p : null;
}

function rememberWorkspace(path: string): void {
  writeSettings({ workspace: path });
}

const contentProtectionSetting = () => readSettings().contentProtection === true;

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: '亮家底 · 医保数据工作组',
    backgroundColor: '#f5f7fa',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.electron.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  // the setting (设置与审计): screenshots and screen recording show a blank window
  mainWindow.setContentProtection(contentProtectionSetting());
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(APP_ENTRY);
}

app.whenReady().then(async () => {
  protocol.handle(APP_SCHEME, serveApp);
  lockDownSession();
  Menu.setApplicationMenu(null);
  // the packaged CJK font for PDF reports (in development the services find it in node_modules)
  if (app.isPackaged) process.env.LIANGJIADI_FONTS = join(resourcesRoot, 'fonts');
  const startupWorkspace = process.env.LIANGJIADI_WORKSPACE || lastWorkspace() || join(app.getPath('userData'), 'workspaces', 'demo.ljd');
  // its startup screen (a password, a damaged file) may reopen it by name
  grants.allow(startupWorkspace, 'workspace');
  worker = new DbWorkerClient(
    // packaged: the worker file is unpacked beside the asar (electron-builder asarUnpack)
    unpackedPath(join(__dirname, 'db.worker.cjs')),
    {
      workspacePath: startupWorkspace,
      demoPackage: join(resourcesRoot, 'demo', 'demo-region.zip'),
      actor: actor(),
    },
    {
      progress: (p) => mainWindow?.webContents.send(PROGRESS_EVENT, p),
      // pending and later calls fail with SERVICE_STOPPED; the UI offers 重新启动数据服务
      stopped: (reason) => console.error('[main] the data service stopped:', reason),
    },
  );
  const saved = readSettings().lockMinutes;
  const w = worker;
  lock = new AppLockController(
    {
      lock: async () => {
        const r = await w.internal({ internal: 'lock' });
        return r.ok && r.value === true;
      },
      saveMinutes: (lockMinutes) => writeSettings({ lockMinutes }),
    },
    typeof saved === 'number' && saved >= 0 ? saved : DEFAULT_LOCK_MINUTES,
  );
  // idle (the whole system's: no input to any program), suspend and the OS screen lock
  const l = lock;
  setInterval(() => void l.idle(powerMonitor.getSystemIdleTime()), 15_000).unref();
  powerMonitor.on('suspend', () => void l.lockNow());
  powerMonitor.on('lock-screen', () => void l.lockNow());
  registerIpc();
  createWindow();
});

app.on('window-all-closed', () => {
  void worker?.terminate();
  app.quit();
});
