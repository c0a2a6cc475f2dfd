import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'node', 'cli.cjs');
const DEMO_ZIP = join(ROOT, 'resources', 'demo', 'demo-region.zip');
const DEMO_XLSX = join(ROOT, 'resources', 'demo', 'demo-region.xlsx');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.runIf(existsSync(CLI))('command line', () => {
  it('prints help in Chinese', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法');
    expect(r.out).toContain('validate');
  });

  it('fails with exit code 2 and a Chinese message on misuse', () => {
    expect(cli().code).toBe(2);
    const r = cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知命令');
    expect(cli('init', join(tempDir(), 'a.ljd')).code).toBe(2);
  });

  it('creates workspaces, imports, validates and exports templates', () => {
    const dir = tempDir();
    const ws = join(dir, 'w.ljd');
    expect(cli('init', ws, '--region-code', '990100', '--region-name', '示范市（虚拟数据）').code).toBe(0);
    const imp = cli('import', DEMO_XLSX, '--workspace', ws, '--json');
    expect(imp.code).toBe(0);
    const parsed = JSON.parse(imp.out);
    expect(parsed.record.counts.institutions).toBe(80);
    const info = JSON.parse(cli('info', ws, '--json').out);
    expect(info).toMatchObject({ regionCode: '990100', institutionCount: 80, latestMonth: '2025-12', importCount: 1 });
    const template = join(dir, 'template.xlsx');
    expect(cli('template', template, '--workspace', ws).code).toBe(0);
    expect(existsSync(template)).toBe(true);
    // the template carries the region and its institutions, so it validates as it is
    const v = cli('validate', template, '--workspace', ws, '--json');
    expect(v.code).toBe(0);
    expect(JSON.parse(v.out).counts.institutions).toBe(80);
    expect(cli('audit-verify', ws).out).toContain('哈希链校验通过');
  });

  it('validates without a workspace and exits 1 on a bad package, naming the place', () => {
    expect(cli('validate', DEMO_ZIP).code).toBe(0);
    const bad = join(tempDir(), 'bad.xlsx');
    require('node:fs').writeFileSync(bad, 'not a workbook');
    const r = cli('validate', bad);
    expect(r.code).toBe(1);
    expect(r.out).toContain('文件 bad.xlsx');
    expect(r.out).toContain('处理建议');
  });

  it('init --demo builds the demo workspace', () => {
    const ws = join(tempDir(), 'demo.ljd');
    const r = cli('init', ws, '--demo', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ isDemo: true, institutionCount: 80 });
  });
});
