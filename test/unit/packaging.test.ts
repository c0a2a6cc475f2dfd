// The installers' configuration, checked without building them (the Electron binary cannot be
// downloaded here): every target the issue names, the native module rebuilt for Electron, the fuses
// an offline confidential app needs, no publishing or auto-update anywhere, the fonts, demo and
// draw verifier shipped, the import's helper workers self-contained.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKER_FILES } from '../../electron/services/host/bundled-workers';

const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(join(ROOT, 'electron-builder.config.cjs')) as Record<string, unknown> & {
  win: { target: { target: string; arch: string[] }[] };
  linux: { target: { target: string; arch: string[] }[] };
  electronFuses: Record<string, boolean>;
  extraResources: { from: string; to: string }[];
  asarUnpack: string[];
  nsis: { deleteAppDataOnUninstall: boolean };
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

describe('installers', () => {
  it('build Windows NSIS and portable, Linux AppImage and deb for x64 and arm64', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    for (const t of ['AppImage', 'deb']) expect(config.linux.target.find((x) => x.target === t)?.arch).toEqual(['x64', 'arm64']);
  });

  it('rebuild the SQLCipher native module for Electron and unpack the worker', () => {
    expect(config.npmRebuild).toBe(true);
    expect(pkg.dependencies['better-sqlite3-multiple-ciphers']).toMatch(/^\d+\.\d+\.\d+$/);
    // worker threads start outside the asar archive: every worker is unpacked, and the packages the
    // database worker requires by name with it (Node does not look for them inside app.asar)
    expect(config.asarUnpack).toContain('dist/node/db.worker.cjs');
    expect(config.asarUnpack).toContain('node_modules/**/*');
    for (const f of Object.values(WORKER_FILES)) expect(config.asarUnpack).toContain(`dist/node/${f}`);
  });

  it("ship the import's helper workers whole: from app.asar.unpacked they need no package inside app.asar", () => {
    // built by `npm test` before vitest runs (scripts/build-node.mjs)
    const packagesOf = (f: string) => {
      const code = readFileSync(join(ROOT, 'dist', 'node', f), 'utf8');
      const required = [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
      expect(required.length, f).toBeGreaterThan(0);
      return [...new Set(required.filter((r) => !builtinModules.includes(r.replace(/^node:/, ''))))];
    };
    expect(packagesOf(WORKER_FILES.summaries)).toEqual([]);
    expect(packagesOf(WORKER_FILES.groups)).toEqual([]);
    expect(packagesOf(WORKER_FILES.simulations)).toEqual([]);
    // the open check's and the write-back's workers open the workspace: SQLite only, a production package unpacked beside it
    expect(packagesOf(WORKER_FILES.openCheck)).toEqual(['better-sqlite3-multiple-ciphers']);
    expect(packagesOf(WORKER_FILES.writeBack)).toEqual(['better-sqlite3-multiple-ciphers']);
    expect(Object.keys(pkg.dependencies)).toContain('better-sqlite3-multiple-ciphers');
  });

  it('flip the fuses and never publish or update', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.publish).toBeNull();
    const all = JSON.stringify(pkg) + readFileSync(join(ROOT, 'electron-builder.config.cjs'), 'utf8');
    expect(all).not.toMatch(/electron-updater|autoUpdater|update-electron-app/);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it("leave the developers' scripts out: the benchmark's loopback HTTP server is not part of the app", () => {
    const files = (config as unknown as { files: string[] }).files;
    // electron-builder applies the patterns in order: each exclusion comes after the inclusion
    for (const f of ['bench.cjs', 'word-cost.cjs', 'make-demo.cjs', 'draw-vectors.cjs'])
      expect(files.indexOf(`!dist/node/${f}`), f).toBeGreaterThan(files.indexOf('dist/node/**'));
    expect(files.indexOf('dist/node/**')).toBeGreaterThanOrEqual(0);
  });

  it('ship the fonts, the demo and the independent draw verifier', () => {
    const to = config.extraResources.map((r) => r.to);
    expect(to).toEqual(expect.arrayContaining(['demo', 'fonts/NotoSansSC-Regular.ttf', '复核程序/verify_draw.py']));
    for (const r of config.extraResources) expect(() => readFileSync(join(ROOT, r.from.replace(/\/$/, '')))).not.toThrow(/ENOENT/);
  });
});
