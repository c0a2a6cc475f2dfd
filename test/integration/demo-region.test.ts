// The demo region is believable (issue 30): it imports without a warning, each hospital's DRG group
// rows add up to its inpatient totals, its groups fit its level and specialty, the budgets are kept
// to, and every year's evaluation scores each institution on data it has — no 红 for an indicator
// that does not apply or a month that is missing. Checked on the committed package, by SQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, applies } from '../../shared/evaluation/scheme';
import type { Block } from '../../shared/reports/model';
import { allRows, allValues, type WritableDb } from '../../electron/services/db/connection';
import { budgetExecution } from '../../electron/services/data/budget';
import { scorePeriod } from '../../electron/services/evaluation/evaluation-service';
import { ImportService } from '../../electron/services/import/import-service';
import { GROUP_TOLERANCE } from '../../electron/services/import/cross-checks';
import { buildReport } from '../../electron/services/reports/build';
import { createWorkspace } from '../../electron/services/workspace/workspace';

const DEMO_ZIP = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');

describe('the demo region', () => {
  let db: WritableDb;
  let dir: string;
  let report: Awaited<ReturnType<ImportService['prepare']>>;
  const codeOf = (name: string) => allValues<string>(db, 'SELECT code FROM institutions WHERE name = ?', name)[0]!;
  const groupsOf = (code: string) =>
    allValues<string>(db, "SELECT DISTINCT group_code FROM group_rows WHERE institution = ? AND period LIKE '2025-%' AND superseded_by IS NULL", code);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liangjiadi-demo-region-'));
    db = createWorkspace(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '示范市（虚拟数据）', actor: '测试' });
    const s = new ImportService();
    report = await s.prepare(db, DEMO_ZIP);
    s.commit(db, report.token!, '测试');
  });
  afterAll(() => {
    db?.conn.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports with no error and no warning', () => {
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.counts.institutions).toBe(80);
  });

  it('each hospital-month’s group rows add up to its inpatient totals: not above them (2% allowed), most of its cases and cost', () => {
    const rows = allRows<{ institution: string; period: string; cost: number; cases: number; ipCost: number; discharges: number }>(
      db,
      `SELECT g.institution, g.period, g.cost / 10000.0 AS cost, g.cases, c.value AS ipCost, d.value AS discharges
       FROM (SELECT institution, period, sum(total_cost) AS cost, sum(cases) AS cases FROM group_rows WHERE superseded_by IS NULL GROUP BY 1, 2) g
       JOIN institution_values c ON c.institution = g.institution AND c.period = g.period AND c.indicator = 'SVC_IP_COST' AND c.superseded_by IS NULL
       JOIN institution_values d ON d.institution = g.institution AND d.period = g.period AND d.indicator = 'SVC_DISCHARGES' AND d.superseded_by IS NULL`,
    );
    // 40 DRG hospitals × 36 months
    expect(rows).toHaveLength(40 * 36);
    for (const r of rows) {
      const at = `${r.institution} ${r.period}`;
      expect(r.cost, at).toBeLessThanOrEqual(r.ipCost * (1 + GROUP_TOLERANCE));
      expect(r.cases, at).toBeLessThanOrEqual(r.discharges * (1 + GROUP_TOLERANCE));
      // (a small hospital's month may have a few more cases outside the groups)
      expect(r.cost / r.ipCost, at).toBeGreaterThan(0.8);
      expect(r.cases / r.discharges, at).toBeGreaterThan(0.8);
    }
    // the region's three years: group rows against the months' 住院总费用 (2025's were 179.6 against 99.9 亿元)
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0);
    expect(sum((r) => r.cost) / sum((r) => r.ipCost)).toBeGreaterThan(0.9);
    expect(sum((r) => r.cost) / sum((r) => r.ipCost)).toBeLessThanOrEqual(1);
  });

  it('gives each hospital the groups of its level and specialty', () => {
    const general = ['示范市第一人民医院', '示范市中心医院', '示范医科大学附属医院', '示范市第二人民医院', '示范市第三人民医院'];
    for (const name of general) {
      const n = groupsOf(codeOf(name)).length;
      expect(n, name).toBeGreaterThanOrEqual(150);
      expect(n, name).toBeLessThanOrEqual(300);
    }
    const fewest = Math.min(...general.map((n) => groupsOf(codeOf(n)).length));
    const others = allValues<string>(db, "SELECT code FROM institutions WHERE payment = 'DRG' AND NOT (level = '三级' AND type = '综合')");
    for (const code of others) expect(groupsOf(code).length, code).toBeLessThan(fewest);
    const mdc = (name: string) => new Set(groupsOf(codeOf(name)).map((g) => g[0]));
    // the orthopaedic hospitals: musculoskeletal (I) and the injuries, burns and skin around it; no gynaecological cancer
    for (const name of ['示范市骨科医院', '示范华康骨科医院']) for (const m of mdc(name)) expect('IJVXZ', `${name} ${m}`).toContain(m);
    // the children's hospital: no pregnancy, no women's or men's cancers; newborns (P) among them
    const children = groupsOf(codeOf('示范市儿童医院'));
    expect(children.filter((g) => /^(O|N|MA|MR|JA|JR)/.test(g))).toEqual([]);
    expect(children.some((g) => g.startsWith('P'))).toBe(true);
    // a 妇幼保健院: most of its cases are births
    for (const name of ['示范市妇幼保健院', '金桥县妇幼保健院']) {
      const [obstetric, all] = allRows<{ o: number; n: number }>(
        db,
        "SELECT sum(CASE WHEN group_code LIKE 'O%' THEN cases ELSE 0 END) AS o, sum(cases) AS n FROM group_rows WHERE institution = ? AND superseded_by IS NULL",
        codeOf(name),
      ).map((r) => [r.o, r.n])[0]!;
      expect(obstetric! / all!, name).toBeGreaterThan(0.4);
    }
    expect(mdc('示范明仁眼科医院')).toEqual(new Set(['C']));
    // the cancer hospital: cancer groups only
    for (const g of groupsOf(codeOf('示范市肿瘤医院'))) expect(['R', 'B', 'D', 'E', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N']).toContain(g[0]);
  });

  it('keeps to its budgets: each year’s execution of the budget filed the year before is 90–105%', () => {
    for (const year of ['2024', '2025']) {
      const e = budgetExecution(db, `${year}-12`)!;
      expect(e.filedIn).toBe(String(Number(year) - 1));
      expect(e.share, year).toBeGreaterThanOrEqual(0.9);
      expect(e.share, year).toBeLessThanOrEqual(1.05);
    }
  });

  it('carries the figures beyond the official table, consistent with the rest (入组 = group rows, parts within totals, budgets kept)', () => {
    const v = (indicator: string, where = '') =>
      allRows<{ institution: string; period: string; value: number }>(
        db,
        `SELECT institution, period, value FROM institution_values WHERE indicator = ? AND superseded_by IS NULL ${where}`,
        indicator,
      );
    const at = (indicator: string) => new Map(v(indicator).map((r) => [`${r.institution}|${r.period}`, r.value]));
    // 入组病例数: every DRG/DIP hospital-month, equal to its group rows' cases; 入组率 between 90% and 97%
    const grouped = at('DRG_GROUPED_CASES');
    const rows = new Map(
      allRows<{ k: string; n: number }>(
        db,
        "SELECT institution || '|' || period AS k, sum(cases) AS n FROM group_rows WHERE superseded_by IS NULL GROUP BY institution, period",
      ).map((r) => [r.k, r.n]),
    );
    expect(grouped.size).toBe(rows.size);
    for (const [k, n] of rows) expect(grouped.get(k), k).toBe(n);
    const rate = new Map([...at('DRG_GROUPED_RATE')].filter(([k]) => /\|\d{4}-\d{2}$/.test(k))); // the months
    expect(rate.size).toBe(grouped.size);
    for (const r of rate.values()) expect(r).toBeGreaterThan(0.85);
    // 检查检验 + 药品 within 住院总费用, every hospital-month
    const ip = at('SVC_IP_COST');
    const exam = at('SVC_EXAM_COST');
    const drug = at('SVC_DRUG_COST');
    expect(exam.size).toBe(80 * 36);
    for (const [k, e] of exam) expect(e + drug.get(k)!, k).toBeLessThan(ip.get(k)!);
    // 机构总额预算 of each year: the year's 住院统筹基金支出 is 92–99% of it
    for (const b of v('INST_BUDGET')) {
      const spent = allValues<number>(
        db,
        "SELECT sum(value) FROM institution_values WHERE institution = ? AND indicator IN ('FE_EMP_POOLED_IP', 'FE_RES_POOLED_IP') AND period LIKE ? || '-%' AND length(period) = 7 AND superseded_by IS NULL",
        b.institution,
        b.period,
      )[0]!;
      expect(spent / b.value, `${b.institution} ${b.period}`).toBeGreaterThan(0.92);
      expect(spent / b.value).toBeLessThan(0.99);
    }
    expect(v('INST_BUDGET')).toHaveLength(80 * 3);
    // 特例单议: settled ≤ approved ≤ submitted
    const approved = at('SC_APPROVED');
    for (const s of v('SC_SETTLED')) expect(s.value).toBeLessThanOrEqual(approved.get(`${s.institution}|${s.period}`)!);
    // the region's cross-region care, each month; 医疗总费用 above 住院总费用
    expect(allValues<number>(db, "SELECT count(*) FROM region_values WHERE indicator LIKE 'REMOTE\\_%' ESCAPE '\\' AND superseded_by IS NULL")[0]).toBe(4 * 36);
    const total = at('SVC_TOTAL_COST');
    for (const [k, t] of total) expect(t, k).toBeGreaterThan(ip.get(k)!);
    expect(v('FUND_PREPAY')).toHaveLength(80 * 36);
    expect(v('SETTLE_ANNUAL')).toHaveLength(80 * 3);
  });

  it('carries each year-end balance forward by the year’s 当期结余 (职工统筹基金, 居民医保)', () => {
    const region = (code: string, where: string) =>
      allValues<number>(db, `SELECT sum(value) FROM region_values WHERE indicator = ? AND ${where} AND superseded_by IS NULL`, code)[0]!;
    for (const [acc, cur] of [
      ['FB_EMP_POOLED_ACC', 'FB_EMP_POOLED_CUR'],
      ['FB_RES_ACC', 'FB_RES_CUR'],
    ] as const)
      for (const y of ['2024', '2025']) {
        const flows = region(cur, `period GLOB '${y}-[0-9][0-9]'`); // the months
        expect(region(acc, `period = '${y}'`), `${acc} ${y}`).toBeCloseTo(region(acc, `period = '${Number(y) - 1}'`) + flows, 0);
      }
  });

  it('年通报 2025 item 5 evaluates the whole year; every year’s evaluation scores each institution on data it has, only on what applies to it', () => {
    const doc = buildReport(db, { type: '年通报', period: '2025' });
    const heading = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('（五）'));
    expect(doc.blocks[heading + 1]).toEqual({ kind: 'paragraph', text: '评价期间：2025年全年（1—12月）。' });
    const bands = doc.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.title.endsWith('绩效评价排名'));
    expect(bands.reduce((a, t) => a + t.rows.length, 0)).toBe(80);
    const inst = new Map(
      allRows<{ code: string; payment: string; level: string; type: string }>(db, 'SELECT code, payment, level, type FROM institutions').map((r) => [
        r.code,
        r,
      ]),
    );
    for (const period of ['2023', '2024', '2025']) {
      const scores = scorePeriod(db, period, DEFAULT_SCHEME);
      expect(scores).toHaveLength(80);
      for (const s of scores) {
        const who = inst.get(s.institution)!;
        const applying = DEFAULT_SCHEME.items.filter((it) =>
          applies(it.appliesTo, { payment: who.payment as never, level: who.level as never, type: who.type }),
        );
        // scored on exactly the items that apply to it, each with a value for the whole period (none scored 0 for want of data)
        expect(s.items.map((i) => i.indicator).sort(), `${period} ${s.name}`).toEqual(applying.map((it) => it.indicator).sort());
        for (const i of s.items) expect(i.value, `${period} ${s.name} ${i.indicator}`).not.toBeNull();
        // a dimension none of whose items applies is 不适用, not 0
        for (const [d, v] of Object.entries(s.dimensions)) if (!applying.some((it) => it.dimension === d)) expect(v, `${period} ${s.name} ${d}`).toBeNull();
      }
    }
  });
});
