// The e2e harness: the built renderer (dist/renderer) served from a loopback server with the
// app's CSP, opened in Debian's Chromium through playwright-core, with window.api bridged to the
// real services (real SQLite workspace in a temp dir). Every request the page makes is recorded
// so tests can prove the page talks to nothing but the app's own origin.

import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Progress } from '../../shared/domain/types';
import type { Envelope } from '../../shared/errors';
import { contract, isChannel } from '../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY, mimeType } from '../../electron/main/security-policy';
import { openOrCreateDemo } from '../../electron/services/host/bootstrap';
import { dispatch } from '../../electron/services/host/dispatch';
import { bundledWorkers } from '../../electron/services/host/bundled-workers';
import { WorkspaceSession } from '../../electron/services/host/session';
import { SERVICE_STOPPED } from '../../electron/services/host/worker-client';
import { openKind, PathGrants, type GrantKind } from '../../electron/main/path-grants';
import { AppLockController } from '../../electron/main/app-lock';
import { mainGuard } from '../../electron/services/host/main-guard';

const ROOT = resolve(__dirname, '..', '..');
const RENDERER = join(ROOT, 'dist', 'renderer');
export const DEMO_ZIP = join(ROOT, 'resources', 'demo', 'demo-region.zip');
export const DEMO_XLSX = join(ROOT, 'resources', 'demo', 'demo-region.xlsx');
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

export interface Harness {
  page: Page;
  origin: string;
  session: WorkspaceSession;
  dir: string;
  /** every URL the page requested */
  requests: string[];
  /** what the OS dialogs "return" next (the dialogs belong to Electron main, not to the services) */
  dialogs: { open: string | null; save: string | null; folder: string | null };
  /** PDFs printed through the print.pdf channel */
  printed: string[];
  /** from now on every service call fails as if the worker had died, until 重新启动数据服务 */
  stopService(): void;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const rel = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
    const file = join(root, rel);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': mimeType(extname(file) ? file : `${file}.html`), 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
    res.end(readFileSync(file));
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

let bridgeScript: string | null = null;
async function bridge(): Promise<string> {
  if (bridgeScript) return bridgeScript;
  const out = await build({
    entryPoints: [join(ROOT, 'test', 'e2e', 'bridge.init.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  bridgeScript = out.outputFiles[0]!.text;
  return bridgeScript;
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

let browser: Browser | null = null;
async function getBrowser(): Promise<Browser> {
  if (browser) return browser;
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  workspace?: 'demo' | 'empty';
  /** an existing workspace to open (must open) */
  workspacePath?: string;
  /** the workspace the app starts with, as the worker would (may fail: the startup screen) */
  startupPath?: string;
  /** the browser's locale (the app must be Chinese whatever it is); zh-CN when not given */
  locale?: string;
  /**
   * The machine's time zone (IANA name), for the page (Playwright's timezoneId, CDP
   * Emulation.setTimezoneOverride) and for the services in this process (TZ, restored on close):
   * the app must write Beijing time whatever it is. Asia/Shanghai when not given.
   */
  timezone?: string;
}

/**
 * A workspace made from one package (a file another tool wrote, or a planted fixture), imported as
 * the app imports it and closed again: its path, to open with openApp({ workspacePath }).
 */
export async function workspaceFrom(dir: string, packagePath: string, region: { regionCode: string; regionName: string }): Promise<string> {
  const ws = join(dir, `${region.regionName}.ljd`);
  const s = new WorkspaceSession();
  s.create(ws, { ...region, actor: '测试' });
  const report = await s.imports.prepare(s.db, packagePath);
  if (!report.token) throw new Error(`${basename(packagePath)} did not import: ${report.errors[0]?.message ?? ''}`);
  s.imports.commit(s.db, report.token, '测试');
  s.close();
  return ws;
}

export async function openApp(opts: OpenOptions = {}): Promise<Harness> {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` first');
  const timezone = opts.timezone ?? 'Asia/Shanghai';
  const processTz = process.env.TZ;
  if (opts.timezone) process.env.TZ = opts.timezone;
  const dir = mkdtempSync(join(tmpdir(), 'liangjiadi-e2e-'));
  // the worker threads of the app (built into dist/node before the tests run): the open check, the import's helpers
  const session = new WorkspaceSession(undefined, bundledWorkers(join(ROOT, 'dist', 'node')));
  if (opts.startupPath) await openOrCreateDemo(session, { workspacePath: opts.startupPath, demoPackage: null, actor: 'e2e测试' });
  else if (opts.workspacePath) session.open(opts.workspacePath, 'e2e测试');
  else {
    // the demo workspace the global setup imported (demo-workspace.setup.ts), copied with its backups:
    // opened here as the app opens it on every start after the first
    // (vitest loaded only here: the bench opens its own workspaces through this harness, outside vitest,
    // and a CommonJS bundle that requires vitest fails to start)
    if (opts.workspace !== 'empty') cpSync((await import('vitest')).inject('demoWorkspaceDir'), dir, { recursive: true });
    await openOrCreateDemo(session, { workspacePath: join(dir, 'demo.ljd'), demoPackage: opts.workspace === 'empty' ? null : DEMO_ZIP, actor: 'e2e测试' });
  }
  if (opts.workspace === 'empty') session.create(join(dir, 'empty.ljd'), { regionCode: '990100', regionName: '示范市（虚拟数据）', actor: 'e2e测试' });
  const { server, origin } = await serve(RENDERER);
  const b = await getBrowser();
  const context = await b.newContext({
    viewport: opts.viewport ?? { width: 1440, height: 900 },
    locale: opts.locale ?? 'zh-CN',
    timezoneId: timezone,
    serviceWorkers: 'block',
  });
  const requests: string[] = [];
  // Record everything; let only the app's own origin through (a test then asserts nothing else was tried).
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    return url.startsWith(`${origin}/`) ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  // waits for a state (an element shown, a message) up to a minute: playwright's 30 s default was
  // reached on a busy machine by a damaged file's check
  page.setDefaultTimeout(60_000);
  page.on('request', (r) => {
    if (!r.url().startsWith('http')) requests.push(r.url());
  });
  page.on('pageerror', (e) => console.error('[page error]', e));
  const dialogs: Harness['dialogs'] = { open: null, save: null, folder: null };
  // the data service as the main process sees it: stopService() makes it fail like a dead worker
  const service = { stopped: false };
  const printed: string[] = [];
  const mainState = { contentProtection: false };
  // as the main process does: the dialogs hand out tokens, and only tokens become paths
  const grants = new PathGrants();
  if (opts.startupPath) grants.allow(opts.startupPath, 'workspace');
  const answer = (path: string | null, kind: GrantKind) => ({
    ok: true as const,
    value: { path: path && grants.grant(path, kind), name: path && basename(path) },
  });
  // as the main process does: the app lock (electron/main/app-lock.ts) refuses all but the unlock while locked
  const lock = new AppLockController({ lock: async () => session.lock(), saveMinutes: () => undefined });
  await page.exposeBinding('__ljInvoke', async (_source, channel: unknown, raw: unknown): Promise<Envelope<unknown>> => {
    const refused = lock.refusal(channel);
    if (refused) return refused;
    const granted = grants.resolve(String(channel), raw);
    if (!granted.ok) return { ok: false, error: granted.error };
    const input = granted.input;
    const result = await invoke(channel, input);
    if (isChannel(channel)) lock.answered(channel, result);
    if (result.ok) grants.consume(granted.used);
    return result;
  });
  const invoke = async (channel: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (isChannel(channel) && contract[channel].where === 'main') {
      // the main process's own channels: validated like the services', answered as Electron would
      const parsed = contract[channel].input.safeParse(input);
      if (!parsed.success) return { ok: false, error: { code: 'INVALID_INPUT', message: parsed.error.issues[0]?.message ?? '' } };
      if (channel === 'dialog.open') return answer(dialogs.open, openKind((parsed.data as { filters: { extensions: string[] }[] }).filters));
      if (channel === 'dialog.save') return answer(dialogs.save, 'save');
      if (channel === 'dialog.folder') return answer(dialogs.folder, 'folder');
      if (channel === 'app.contentProtection') {
        const on = (parsed.data as { on?: boolean }).on;
        if (on !== undefined) mainState.contentProtection = on;
        return { ok: true, value: { on: mainState.contentProtection } };
      }
      if (channel === 'app.restartService') {
        service.stopped = false;
        return dispatch('app.info', {}, { session, actor: 'e2e测试', progress: () => undefined });
      }
      if (channel === 'app.lockState') return { ok: true, value: lock.state() };
      if (channel === 'app.lock') return { ok: true, value: await lock.set(parsed.data as { now?: true; minutes?: number; presenting?: boolean }) };
      if (channel === 'print.pdf') {
        // two-person control, asked of the services as the main process asks the worker
        const guard = await mainGuard(session, channel, parsed.data, 'e2e测试');
        if (!guard.ok) return guard;
        const { path, landscape } = parsed.data as { path: string; landscape?: boolean };
        await page.emulateMedia({ media: 'print' });
        await page.pdf({ path, format: 'A4', printBackground: true, landscape: landscape ?? false });
        await page.emulateMedia({ media: 'screen' });
        printed.push(path);
        return { ok: true, value: { path } };
      }
    }
    if (service.stopped) return { ok: false, error: SERVICE_STOPPED };
    return dispatch(channel, input, {
      session,
      actor: 'e2e测试',
      progress: (p) => {
        const progress: Progress = { ...p, taskId: String(channel) };
        void page.evaluate((x) => (window as unknown as { __ljEmitProgress: (p: Progress) => void }).__ljEmitProgress(x), progress).catch(() => undefined);
      },
    });
  };
  await page.addInitScript({ content: await bridge() });
  await page.goto(`${origin}/index.html`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    page,
    origin,
    session,
    dir,
    requests,
    dialogs,
    printed,
    stopService: () => {
      service.stopped = true;
    },
    screenshot: async (name) => {
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    close: async () => {
      await context.close();
      await new Promise((r) => server.close(r));
      session.close();
      rmSync(dir, { recursive: true, force: true });
      if (opts.timezone) {
        if (processTz === undefined) delete process.env.TZ;
        else process.env.TZ = processTz;
      }
    },
  };
}
