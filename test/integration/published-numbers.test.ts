// Numbers a bureau can publish, on the demo region: an annual evaluation is its months aggregated
// (checked against sums written here in SQL, apart from the code under test), hospitals not paid by
// DRG are not scored on DRG indicators, 年通报 evaluates the whole year and counts 特例单议 over both
// halves, a budget is used for the year it budgets, and a report asked for a period without its
// data is refused — by the app's channel and by the command line — rather than exported.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, DRG_DIP, applies } from '../../shared/evaluation/scheme';
import { dimensionWeights, type HospitalScore } from '../../shared/evaluation/score';
import { formatValue } from '../../shared/format';
import type { Block, ReportDoc } from '../../shared/reports/model';
import { allRows, getValue } from '../../electron/services/db/connection';
import { overview } from '../../electron/services/data/queries';
import { evaluationValues } from '../../electron/services/evaluation/evaluation-service';
import { openOrCreateDemo } from '../../electron/services/host/bootstrap';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import { reportCommand } from '../../electron/cli/report-commands.node';
import { buildReport } from '../../electron/services/reports/build';

const ROOT = join(__dirname, '..', '..');
const DEMO = join(ROOT, 'resources', 'demo', 'demo-region.zip');
const CLI = join(ROOT, 'dist', 'node', 'cli.cjs');

describe('numbers a bureau can publish (demo region)', () => {
  let session: WorkspaceSession;
  let dir: string;
  let workspace: string;
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await dispatch(channel, input, { session, actor: '测试', progress: () => undefined });
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as T;
  };
  const tables = (doc: ReportDoc) => doc.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');

  beforeAll(async () => {
    // kept for the whole file (helpers/temp removes its dirs after each test): the last test reopens the workspace
    dir = mkdtempSync(join(tmpdir(), 'liangjiadi-numbers-'));
    workspace = join(dir, 'demo.ljd');
    session = new WorkspaceSession();
    await openOrCreateDemo(session, { workspacePath: workspace, demoPackage: DEMO, actor: '测试' });
  }, 60_000);
  afterAll(() => {
    session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an annual evaluation equals its months aggregated by hand', () => {
    const db = session.db;
    const byInst = <T>(sql: string) => new Map(allRows<{ institution: string; v: T }>(db, sql).map((r) => [r.institution, r.v]));
    const months = "v.period BETWEEN '2025-01' AND '2025-12' AND length(v.period) = 7 AND v.superseded_by IS NULL";
    const weighted = (code: string, weight: string) =>
      byInst<number>(
        `SELECT v.institution, sum(v.value * w.value) / sum(w.value) AS v FROM institution_values v
         JOIN institution_values w ON w.institution = v.institution AND w.period = v.period AND w.indicator = '${weight}' AND w.superseded_by IS NULL
         WHERE v.indicator = '${code}' AND ${months} GROUP BY v.institution HAVING count(*) = 12`,
      );
    // group cases per institution and month (DRG rows with a weight, for CMI)
    const byCases = (code: string, drgOnly: boolean) =>
      byInst<number>(
        `WITH c AS (SELECT institution, period, sum(${drgOnly ? "CASE WHEN scheme = 'DRG' AND weight IS NOT NULL THEN cases ELSE 0 END" : 'cases'}) AS n
                    FROM group_rows WHERE superseded_by IS NULL AND cases > 0 GROUP BY institution, period)
         SELECT v.institution, sum(v.value * c.n) / sum(c.n) AS v FROM institution_values v JOIN c ON c.institution = v.institution AND c.period = v.period
         WHERE v.indicator = '${code}' AND ${months} GROUP BY v.institution HAVING count(*) = 12`,
      );
    const hand: Record<string, Map<string, number>> = {
      SVC_DISCHARGES: byInst(
        `SELECT v.institution, sum(v.value) AS v FROM institution_values v WHERE v.indicator = 'SVC_DISCHARGES' AND ${months} GROUP BY 1 HAVING count(*) = 12`,
      ),
      SVC_COST_PER_STAY: weighted('SVC_COST_PER_STAY', 'SVC_DISCHARGES'),
      SVC_OOP_SHARE: weighted('SVC_OOP_SHARE', 'SVC_IP_COST'),
      DRG_LIST_UPLOAD: weighted('DRG_LIST_UPLOAD', 'SVC_DISCHARGES'),
      DRG_LIST_QC: weighted('DRG_LIST_QC', 'SVC_DISCHARGES'),
      DRG_CMI: byCases('DRG_CMI', true),
      SVC_COST_INDEX: byCases('SVC_COST_INDEX', false),
      SVC_TIME_INDEX: byCases('SVC_TIME_INDEX', false),
      DRG_STANDARD_SHARE: byCases('DRG_STANDARD_SHARE', false),
    };
    const values = evaluationValues(db, DEFAULT_SCHEME, '2025');
    expect(values).toHaveLength(80);
    let checked = 0;
    for (const h of values)
      for (const it of DEFAULT_SCHEME.items) {
        const want = hand[it.indicator]!.get(h.institution);
        if (want === undefined) expect(h.values[it.indicator], `${h.name} ${it.indicator}`).toBeUndefined();
        else {
          expect(h.values[it.indicator], `${h.name} ${it.indicator}`).toBeCloseTo(want, 8);
          checked++;
        }
      }
    expect(checked).toBe(80 * 5 + 40 * 4);
    // the year's CMI is the year's Σ(weight × cases) ÷ Σcases over its group rows
    const oneDrg = values.find((h) => h.payment === 'DRG')!;
    const cmi = getValue<number>(
      db,
      "SELECT sum(weight * cases) / sum(cases) FROM group_rows WHERE institution = ? AND period BETWEEN '2025-01' AND '2025-12' AND superseded_by IS NULL AND scheme = 'DRG' AND cases > 0",
      oneDrg.institution,
    )!;
    // (the monthly CMIs are stored to 6 decimals)
    expect(oneDrg.values.DRG_CMI).toBeCloseTo(cmi, 6);
  });

  it('年度绩效评价: no DRG indicator for a hospital not paid by DRG; its weights shared out within the dimension, by hand', async () => {
    const results = await call<HospitalScore[]>('evaluation.score', { period: '2025' });
    const drgCodes = DEFAULT_SCHEME.items.filter((it) => it.appliesTo === DRG_DIP).map((it) => it.indicator);
    const payment = new Map(allRows<{ code: string; payment: string }>(session.db, 'SELECT code, payment FROM institutions').map((r) => [r.code, r.payment]));
    const dimW = dimensionWeights(DEFAULT_SCHEME);
    let notDrg = 0;
    for (const r of results) {
      if (payment.get(r.institution) !== '否') {
        expect(r.items).toHaveLength(DEFAULT_SCHEME.items.length);
        continue;
      }
      notDrg++;
      expect(
        r.items.map((i) => i.indicator).filter((c) => drgCodes.includes(c)),
        r.name,
      ).toEqual([]);
      expect(r.dimensions.任务完成).toBeNull();
      // the total by hand: each dimension the weighted mean of its items that apply, the dimensions
      // weighted by their full weights (25, 45, 20), 任务完成 left out
      const dim = (d: string) => {
        const xs = r.items.filter((i) => i.dimension === d);
        return xs.reduce((a, x) => a + x.weight * x.score, 0) / xs.reduce((a, x) => a + x.weight, 0);
      };
      const total = (dimW.医疗服务提供 * dim('医疗服务提供') + dimW.费用控制 * dim('费用控制') + dimW.管理质量 * dim('管理质量')) / 90;
      expect(r.total, r.name).toBeCloseTo(total, 2);
    }
    expect(notDrg).toBe(40);
    // some of them reach 绿 now (before, 45% of their weight scored 0 and none could pass 55)
    expect(results.filter((r) => payment.get(r.institution) === '否' && r.level === 'green').length).toBeGreaterThan(0);
    expect(DEFAULT_SCHEME.items.filter((it) => !applies(it.appliesTo, { payment: '否', level: '一级', type: '乡镇卫生院' }))).toHaveLength(4);
  });

  it('年通报 2025: item 5 evaluates the whole year, item 6 counts both halves', async () => {
    // the whole document (the preview carries a long table's first rows only)
    const doc = buildReport(session.db, { type: '年通报', period: '2025' });
    expect(doc.blocks).toContainEqual({ kind: 'paragraph', text: '评价期间：2025年全年（1—12月）。' });
    const band = tables(doc).find((t) => t.title === '一级及基层医疗机构绩效评价排名')!;
    expect(band.rows.every((r) => r[6] === '不适用')).toBe(true);
    // the scheme printed with to whom each indicator applies and how the year comes from its months
    const scheme = tables(doc).find((t) => t.title === '评价方案')!;
    expect(scheme.columns.map((c) => c.title)).toEqual(['维度', '指标', '方向', '权重', '评分方法', '适用机构', '期间汇总']);
    expect(scheme.rows.find((r) => r[1] === '病例组合指数(CMI)')!.slice(5)).toEqual(['按DRG/DIP付费的机构', '各月按DRG入组病例数加权平均']);
    expect(scheme.note).toContain('该维度的权重由维度内其余适用指标按权重比例分担');
    // 特例单议: the year = H1 + H2, by SQL
    const sc = tables(doc).find((t) => t.title === '2025年全年特例单议')!;
    const total = getValue<number>(
      session.db,
      "SELECT sum(value) FROM institution_values WHERE indicator = 'SC_SUBMITTED' AND period IN ('2025-H1', '2025-H2') AND superseded_by IS NULL",
    )!;
    // with 结算病例 and 结算金额, the demo filing them (further figures): the year's settled cases = H1 + H2 as well
    const settled = getValue<number>(
      session.db,
      "SELECT sum(value) FROM institution_values WHERE indicator = 'SC_SETTLED' AND period IN ('2025-H1', '2025-H2') AND superseded_by IS NULL",
    )!;
    expect(sc.rows.at(-1)).toEqual(['合计', formatValue(total, '例'), expect.any(String), formatValue(settled, '例'), expect.any(String)]);
    expect(sc.rows).toHaveLength(40 + 1);
  });

  it('a budget is used for the year it budgets: 下一年度预算 filed under 2024 is 2025’s; the demo keeps to it; over budget is said with the amount', async () => {
    const db = session.db;
    const filed = (year: string) =>
      getValue<number>(db, "SELECT value FROM region_values WHERE indicator = 'BUD_IP' AND period = ? AND superseded_by IS NULL", year)!;
    const spentIn = (year: string) =>
      getValue<number>(
        db,
        "SELECT sum(value) FROM region_values WHERE indicator IN ('FE_EMP_POOLED_IP', 'FE_RES_POOLED_IP') AND period BETWEEN ? AND ? AND length(period) = 7 AND superseded_by IS NULL",
        `${year}-01`,
        `${year}-12`,
      )!;
    const spent = spentIn('2025');
    const execution = (period: string) => overview(db, period).sections.find((s) => s.title === '预算执行')?.kpis;
    const kpis = execution('2025-12')!;
    const budget = kpis.find((k) => k.code === 'BUD_IP')!;
    // the value filed under 2025 (the budget of 2026) is not 2025's
    expect(filed('2025')).not.toBe(filed('2024'));
    expect(budget.value).toBe(filed('2024'));
    expect(budget.name).toBe('2025年住院统筹基金预算总额（2024年填报的下一年度预算）');
    const exec = kpis.find((k) => k.code === 'BUD_IP_EXEC')!;
    expect(exec.value).toBeCloseTo(spent / filed('2024'), 12);
    // a span of months as the app writes it elsewhere (1—12月), not with a hyphen
    expect(exec.name).toBe('住院统筹基金预算执行率（1—12月，序时进度100%）');
    // the demo region keeps to its budgets (90–105%; each year's spending against the budget filed the year before)
    expect(exec.value!).toBeGreaterThanOrEqual(0.9);
    expect(exec.value!).toBeLessThanOrEqual(1);
    expect(exec.alert).toBeUndefined();
    const exec2024 = execution('2024-12')!.find((k) => k.code === 'BUD_IP_EXEC')!;
    expect(exec2024.value).toBeCloseTo(spentIn('2024') / filed('2023'), 12);
    expect(exec2024.value!).toBeGreaterThanOrEqual(0.9);
    expect(exec2024.value!).toBeLessThanOrEqual(1.05);
    // nothing was filed for 2023 (under 2022): 2023 has no execution rather than 2023's filing for 2024
    expect(execution('2023-12')).toBeUndefined();
    let doc = await call<ReportDoc>('reports.preview', { type: '数据分析简报', period: '2025-12' });
    expect(doc.blocks).not.toContainEqual(expect.objectContaining({ text: expect.stringMatching(/超预算/) }));
    // a budget cut below the spending: over budget, said with the amount, in red, heading the briefing's flag list
    const cut = Math.round(spent * 0.8 * 100) / 100;
    db.conn.prepare("UPDATE region_values SET value = ? WHERE indicator = 'BUD_IP' AND period = '2024' AND superseded_by IS NULL").run(cut);
    try {
      const over = execution('2025-12')!.find((k) => k.code === 'BUD_IP_EXEC')!;
      expect(over.alert).toEqual({
        level: 'error',
        text: `超预算 ${formatValue(spent - cut, '万元')}（执行率 ${((spent / cut) * 100).toFixed(2)}%，超出序时进度 ${((spent / cut - 1) * 100).toFixed(1)} 个百分点）`,
      });
      doc = await call<ReportDoc>('reports.preview', { type: '数据分析简报', period: '2025-12' });
      expect(doc.blocks).toContainEqual(expect.objectContaining({ kind: 'paragraph', alert: true, text: expect.stringMatching(/^2025年住院统筹基金超预算 /) }));
      const flags = tables(doc).find((t) => t.title === '变化预警清单')!;
      expect(flags.rows[0]!.slice(0, 4)).toEqual(['红', '统筹地区（全市）', '住院统筹基金预算执行率', formatValue(spent / cut, '%')]);
    } finally {
      db.conn.prepare("UPDATE region_values SET value = ? WHERE indicator = 'BUD_IP' AND period = '2024' AND superseded_by IS NULL").run(budget.value);
    }
  });

  it('年通报 for 2026 (only its budget on record, filed under 2025) is refused with the reason, by the app and by the command line', async () => {
    const reason = '工作区中没有2026年全年的基金数据，不能生成年通报。';
    const out = join(dir, '报告');
    const r = await dispatch(
      'reports.export',
      { request: { type: '年通报', period: '2026' }, format: 'pdf', path: join(out, 'x.pdf') },
      { session, actor: '测试', progress: () => undefined },
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: reason, hint: expect.stringContaining('2025年') } });
    expect(existsSync(join(out, 'x.pdf'))).toBe(false);
    await expect(reportCommand(session, { type: '年通报', period: '2026', out }, '测试', () => undefined)).rejects.toMatchObject({ message: reason });
    expect(existsSync(out)).toBe(false);
    // the page is offered 2025 and 2024 for 年通报, not 2026
    expect((await call<{ fund: string[] }>('reports.periods', {})).fund).not.toContain('2026');
    await expect(call('evaluation.score', { period: '2026' })).rejects.toMatchObject({
      message: '工作区中没有2026年每个月的医疗机构数据，不能生成绩效评价。',
    });
    if (existsSync(CLI)) {
      session.close();
      const p = spawnSync(process.execPath, [CLI, 'report', '年通报', '--period', '2026', '--workspace', workspace, '--out', out], {
        encoding: 'utf8',
        cwd: ROOT,
      });
      session.open(workspace, '测试');
      expect(p.status).not.toBe(0);
      expect(p.stderr).toContain(reason);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('before a publication, lists the values the data-quality check flagged in the period’s months', async () => {
    type Gate = {
      total: number;
      months: string[];
      byKind: Record<string, number>;
      issues: { institution: string; indicator: string | null; period: string; kind: string }[];
      summary: string;
    };
    expect(await call<Gate>('reports.qualityGate', { period: '2025' })).toMatchObject({ total: 0, summary: '2025年未发现数据问题。' });
    // a share of 150% in March: impossible
    const inst = getValue<string>(session.db, "SELECT code FROM institutions WHERE payment = 'DRG' ORDER BY code")!;
    session.db.conn
      .prepare("UPDATE institution_values SET value = 1.5 WHERE institution = ? AND indicator = 'DRG_LIST_QC' AND period = '2025-03' AND superseded_by IS NULL")
      .run(inst);
    for (const period of ['2025-Q1', '2025', '2025-03']) {
      const g = await call<Gate>('reports.qualityGate', { period });
      expect(g.issues, period).toContainEqual(expect.objectContaining({ institution: inst, indicator: 'DRG_LIST_QC', period: '2025-03', kind: 'impossible' }));
      expect(g.byKind.impossible).toBeGreaterThan(0);
      expect(g.summary).toMatch(/有 \d+ 个待核实的数据问题（数值不可能 \d+ 个/);
    }
    expect((await call<Gate>('reports.qualityGate', { period: '2025-Q1' })).months).toEqual(['2025-01', '2025-02', '2025-03']);
    expect((await call<Gate>('reports.qualityGate', { period: '2025-Q4' })).total).toBe(0);
  });
});
