// The command line's start-up: `--help`, a usage error and a simple command must not load the
// workbook, PDF, chart or Word libraries (ExcelJS, pdfkit, ECharts and docx made `--help` take
// 0.7 s). Checked by what the process has loaded when it exits (Node's require cache), not by a
// timing: the bench measures the time (bench/cli-startup.node.ts).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'node', 'cli.cjs');
/** what only some commands need: a workbook, a report, a package written, a zip package's manifest checked */
const HEAVY = ['exceljs', 'pdfkit', 'echarts', 'docx', 'fontkit', 'svg-to-pdfkit', 'yazl', 'zod'];

/** Runs the CLI with a preload that writes, at exit, the packages (from node_modules) the process loaded. */
function loaded(...args: string[]): { code: number | null; packages: string[]; out: string } {
  const dir = tempDir();
  const hook = join(dir, 'hook.cjs');
  const list = join(dir, 'loaded.json');
  writeFileSync(
    hook,
    `process.on('exit', () => {
  const names = new Set();
  for (const f of Object.keys(require.cache)) {
    const m = /[\\\\/]node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(f);
    if (m) names.add(m[1].replace(/\\\\/g, '/'));
  }
  require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify([...names].sort()));
});\n`,
  );
  const r = spawnSync(process.execPath, ['--require', hook, CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, packages: JSON.parse(readFileSync(list, 'utf8')) as string[], out: r.stdout };
}

describe.runIf(existsSync(CLI))('command-line start-up', () => {
  it('--help and a usage error load no package at all', () => {
    const help = loaded('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('用法');
    expect(help.packages).toEqual([]);
    const unknown = loaded('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.packages).toEqual([]);
  });

  it('info and audit-verify load SQLite but none of the workbook, report, chart or schema libraries', () => {
    const ws = join(tempDir(), 'w.ljd');
    expect(loaded('init', ws, '--plain', '--region-code', '990100', '--region-name', '示范市').code).toBe(0);
    for (const args of [
      ['info', ws],
      ['audit-verify', ws],
    ]) {
      const r = loaded(...args);
      expect(r.code).toBe(0);
      // the hook sees what a command loads: SQLite here, ExcelJS for a template (below)
      expect(r.packages).toContain('better-sqlite3-multiple-ciphers');
      expect(r.packages.filter((p) => HEAVY.includes(p))).toEqual([]);
    }
  });

  it('a command that writes a workbook loads ExcelJS, one that reads a zip package zod (the check can see them)', () => {
    const r = loaded('template', join(tempDir(), 't.xlsx'));
    expect(r.code).toBe(0);
    expect(r.packages).toContain('exceljs');
    const v = loaded('validate', join(ROOT, 'resources', 'demo', 'demo-region.zip'));
    expect(v.code).toBe(0);
    expect(v.packages).toContain('zod');
  });
});
