// Values a bureau can stand behind (issue 30): every value is checked against its indicator's
// domain at its cell, a percent cell the style rule would have to guess about is refused, a column
// of small rates in percent points is read as percent points, and tables that must agree (group rows
// and inpatient totals, months and their year, institutions and their names) are checked at import.
// The workbooks are written by openpyxl (test/fixtures/domain_files.py), as a clerk's Excel saves them.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../shared/domain/types';
import type { WritableDb } from '../../electron/services/db/connection';
import { ImportService } from '../../electron/services/import/import-service';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { dumpTables, tempDir } from '../helpers/temp';

const ROOT = join(__dirname, '..', '..');
const PYTHON = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liangjiadi-domains-'));
  const r = spawnSync(PYTHON, [join(ROOT, 'test', 'fixtures', 'domain_files.py'), dir], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`fixture writer failed (needs python3 with openpyxl): ${r.stderr}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const workspace = (): WritableDb => createWorkspace(join(tempDir(), 'w.ljd'), { regionCode: '320100', regionName: '南京市（测试）', actor: '测试' });

async function prepare(db: WritableDb, file: string) {
  const s = new ImportService();
  return { s, report: await s.prepare(db, join(dir, file)) };
}

/** The package is refused, nothing is written, and the one error is the expected one at its cell. */
async function refused(file: string, expected: Partial<ImportIssue> & { code: string }): Promise<ImportIssue> {
  const db = workspace();
  const before = dumpTables(db);
  const { report } = await prepare(db, file);
  expect(report.token).toBeNull();
  expect(dumpTables(db)).toEqual(before);
  expect(report.errors, JSON.stringify(report.errors)).toHaveLength(1);
  const e = report.errors[0]!;
  expect(e).toMatchObject({ file, sheet: '机构指标', ...expected });
  expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(e.hint.length).toBeGreaterThan(10);
  return e;
}

async function imported(file: string, db = workspace()) {
  const { s, report } = await prepare(db, file);
  expect(report.errors, JSON.stringify(report.errors.slice(0, 3))).toEqual([]);
  s.commit(db, report.token!, '测试');
  return { db, report };
}

const instValue = (db: WritableDb, inst: string, code: string, period: string) =>
  db.conn
    .prepare('SELECT value FROM institution_values WHERE institution = ? AND indicator = ? AND period = ? AND superseded_by IS NULL')
    .pluck()
    .get(inst, code, period) as number | undefined;

describe('a value outside its indicator’s domain is an error at its cell', () => {
  it('a percent-formatted 135 in the upload-rate column (13,500%) is refused, whatever the column’s style', async () => {
    const e = await refused('upload_135_formatted.xlsx', { code: 'OUT_OF_DOMAIN', row: 4, column: 'D', header: '医保结算清单上传率（%）', value: '13500%' });
    expect(e.message).toContain('“医保结算清单上传率”为比例，应在 0%—100% 之间；本格读作 13500%');
    // typed as a number: among percent points, and among decimals, where 135 is no decimal either
    const points = await refused('upload_135_points.xlsx', { code: 'OUT_OF_DOMAIN', row: 4, column: 'D', value: '135' });
    expect(points.message).toContain('本格按百分数读作 135%');
    await refused('upload_135_decimals.xlsx', { code: 'OUT_OF_DOMAIN', row: 4, column: 'D', value: '135' });
  });

  it('a negative count and a growth below −100% are refused; a negative 结余 and a growth of 250% are not', async () => {
    const count = await refused('negative_count.xlsx', { code: 'OUT_OF_DOMAIN', row: 4, column: 'D', header: '出院人次（人次）', value: '-5' });
    expect(count.message).toContain('“出院人次”为人次/例数，不能为负数；本格为 −5 人次');
    const growth = await refused('growth_below.xlsx', { code: 'OUT_OF_DOMAIN', row: 3, column: 'D', value: '-150' });
    expect(growth.message).toContain('不能低于 −100%；本格按百分数读作 −150%');
    const { db, report } = await imported('negative_balance.xlsx');
    expect(report.warnings).toEqual([]);
    expect(db.conn.prepare("SELECT value FROM region_values WHERE indicator = 'FB_RES_CUR' AND period = '2025-01'").pluck().get()).toBe(-300);
  });
});

describe('the percent rule never guesses', () => {
  it('0.97 among percent points is refused as ambiguous at its cell', async () => {
    const e = await refused('ambiguous_points.xlsx', { code: 'AMBIGUOUS_PERCENT', row: 4, column: 'D', header: '医保结算清单上传率（%）', value: '0.97' });
    expect(e.message).toContain('本格 0.97 是 0.97% 还是 97% 无法确定');
    expect(e.hint).toContain('请写成“97%”');
  });
  it('97 among decimals is refused as ambiguous at its cell', async () => {
    const e = await refused('ambiguous_decimals.xlsx', { code: 'AMBIGUOUS_PERCENT', row: 4, column: 'D', header: '医保结算清单质控通过率（%）', value: '97' });
    expect(e.message).toContain('列按小数填写');
    expect(e.message).toContain('本格 97 是 97% 还是 9700% 无法确定');
  });
  it('a column of small rates in percent points (住院率 0.3, 0.8, 1.2, 0.5) is read as percent points, and said so', async () => {
    const { db, report } = await imported('small_rates.xlsx');
    expect([0.3, 0.8, 1.2, 0.5].map((_, k) => instValue(db, `H00${k + 1}`, 'SVC_HOSP_RATE', '2025-H1'))).toEqual([0.003, 0.008, 0.012, 0.005]);
    const w = report.warnings.filter((x) => x.code === 'PERCENT_STYLE_BY_RANGE');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ sheet: '机构指标', row: 1, column: 'D', header: '住院率（%）' });
    expect(w[0]!.message).toContain('按百分数读取（0.8 即 0.8%）：按另一种写法，0.8 将是 80%，不在住院率的通常范围（0%—50%）内');
  });
  it('the same rates written as decimals stay decimals, without a word', async () => {
    const { db, report } = await imported('small_rates_decimals.xlsx');
    expect(instValue(db, 'H002', 'SVC_HOSP_RATE', '2025-H1')).toBe(0.12);
    expect(report.warnings).toEqual([]);
  });
});

describe('tables that must agree', () => {
  it('group rows 50% above a hospital’s inpatient cost are warned, with both figures and the difference', async () => {
    const { report } = await imported('groups_over.xlsx');
    const w = report.warnings.filter((x) => x.code === 'GROUPS_EXCEED_TOTAL');
    expect(w).toHaveLength(1); // H001's cost; its cases (450 of 500) and H002 agree
    expect(w[0]).toMatchObject({ file: 'groups_over.xlsx', sheet: '机构指标', row: 2, header: '住院总费用', value: '1000.00' });
    expect(w[0]!.message).toBe(
      '机构 H001 2025年1月：病组数据的总费用合计 1,500.00 万元，大于该机构“住院总费用” 1,000.00 万元（相差 500.00 万元，超出 50.0%，允许 2%）。病组是出院病例的一部分，不应超过住院总数。',
    );
  });

  it('twelve months imported beside a year already in the workspace that they do not add up to are warned', async () => {
    const { db } = await imported('year.xlsx');
    const { report } = await prepare(db, 'months.xlsx');
    expect(report.errors).toEqual([]);
    const w = report.warnings.filter((x) => x.code === 'PERIOD_SUM_MISMATCH');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ file: 'months.xlsx', sheet: '地区指标', header: '职工医保住院统筹基金支出' });
    expect(w[0]!.message).toContain(
      '统筹地区 2024年“职工医保住院统筹基金支出”：工作区已有的2024年数值与各月之和（含本数据包的月份，共 12 个月）不一致：已有 299,665.73 万元，各月之和 12,000.00 万元，相差 287,665.73 万元',
    );
    // and the other way round, as before: the year imported beside the months
    const other = workspace();
    await imported('months.xlsx', other);
    const back = (await prepare(other, 'year.xlsx')).report.warnings.filter((x) => x.code === 'PERIOD_SUM_MISMATCH');
    expect(back).toHaveLength(1);
    expect(back[0]!.message).toContain('填写值 299,665.73 万元，计算值 12,000.00 万元，相差 287,665.73 万元');
  });

  it('two institutions of one name are warned at the second one’s row', async () => {
    const { report } = await imported('same_name.xlsx');
    const w = report.warnings.filter((x) => x.code === 'DUPLICATE_NAME');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ sheet: '机构', row: 3, column: 'B', header: '机构名称', value: '市人民医院' });
    expect(w[0]!.message).toContain('与机构 H001（第 2 行）相同');
  });
});
