import { createFromComments } from '../../electron/services/rectification/rectification-service';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRows, getValue } from '../../electron/services/db/connection';
import { openOrCreateDemo } from '../../electron/services/host/bootstrap';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import { saveComment, transitionComment } from '../../electron/services/comments/comments-service';
import { buildReport } from '../../electron/services/reports/build';
import { FURTHER_INDICATORS } from '../../shared/catalog/further-indicators';
import { formatValue } from '../../shared/format';
import type { Block, ReportDoc } from '../../shared/reports/model';
import { tempDir } from '../helpers/temp';

// Every item the rules require in each report (issue 31; seeds 001, 003, 004), on the demo region:
// first as shipped (every item present), then as a package without the further figures would leave it
// (each such item prints its one line, never a 【待填写】 block), then with chosen further figures written
// into the workspace as an import would, each item present and one of its numbers against the database.
const DEMO = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

type Table = Extract<Block, { kind: 'table' }>;
const tables = (d: ReportDoc) => d.blocks.filter((b): b is Table => b.kind === 'table');
const table = (d: ReportDoc, title: string | RegExp) => {
  const t = tables(d).find((x) => (typeof title === 'string' ? x.title === title : title.test(x.title)));
  if (!t)
    throw new Error(
      `no table ${String(title)} in ${d.title}: ${tables(d)
        .map((x) => x.title)
        .join(' | ')}`,
    );
  return t;
};
const row = (t: Table, first: string) => {
  const r = t.rows.find((x) => x[0] === first);
  if (!r) throw new Error(`no row ${first} in ${t.title}: ${t.rows.map((x) => x[0]).join(' | ')}`);
  return r;
};
const texts = (d: ReportDoc) =>
  d.blocks.map((b) =>
    b.kind === 'paragraph' || b.kind === 'heading'
      ? b.text
      : b.kind === 'table'
        ? `[${b.title}]`
        : b.kind === 'editable'
          ? `{${b.title}}`
          : b.kind === 'chart'
            ? `<${b.chart.title}>`
            : '',
  );
const line = (d: ReportDoc, item: string) => d.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith(`${item}：工作区中没有`));

describe('every item the rules require', () => {
  let session: WorkspaceSession;
  let drg: { code: string; name: string; level: string }[];
  let other: { code: string; name: string };
  beforeAll(async () => {
    const dir = tempDir();
    session = new WorkspaceSession();
    await openOrCreateDemo(session, { workspacePath: join(dir, 'demo.ljd'), demoPackage: DEMO, actor: '测试' });
    drg = allRows(session.db, "SELECT code, name, level FROM institutions WHERE payment IN ('DRG', 'DIP') ORDER BY code");
    other = allRows<{ code: string; name: string }>(session.db, "SELECT code, name FROM institutions WHERE payment = '否' ORDER BY code")[0]!;
  });
  afterAll(() => session?.close());

  const v = (sql: string, ...args: (string | number)[]) => getValue<number>(session.db, sql, ...args)!;
  const inst = (code: string, indicator: string, period: string) =>
    v('SELECT value FROM institution_values WHERE institution = ? AND indicator = ? AND period = ? AND superseded_by IS NULL', code, indicator, period);
  /** writes further figures as an import would (the current import's rows) */
  const put = (rows: [string | null, string, string, number][]) => {
    const importId = v('SELECT max(id) FROM imports');
    const ins = session.db.conn.prepare(
      "INSERT INTO institution_values (import_id, institution, indicator, period, value, origin) VALUES (?, ?, ?, ?, ?, 'supplied')",
    );
    const reg = session.db.conn.prepare("INSERT INTO region_values (import_id, indicator, period, value, origin) VALUES (?, ?, ?, ?, 'supplied')");
    for (const [i, code, period, value] of rows) {
      if (i) ins.run(importId, i, code, period, value);
      else reg.run(importId, code, period, value);
    }
  };

  it('on the demo region as shipped (its further figures imported), every item is present: no line saying one is missing', () => {
    const missing = (d: ReportDoc) => texts(d).filter((t) => /：工作区中没有.*本项暂不能通报。$/.test(t));
    const h = drg[0]!.code;
    const notice = buildReport(session.db, { type: '月告知', period: '2025-11', institution: h });
    expect(missing(notice)).toEqual([]);
    const spent = v(
      "SELECT sum(value) FROM institution_values WHERE institution = ? AND indicator IN ('FE_EMP_POOLED_IP', 'FE_RES_POOLED_IP') AND period BETWEEN '2025-01' AND '2025-11' AND superseded_by IS NULL",
      h,
    );
    expect(row(table(notice, '告知事项一览'), '总额预算执行率')[1]).toBe(formatValue(spent / inst(h, 'INST_BUDGET', '2025'), '%'));
    // 入院人次: no package column holds it
    expect(missing(buildReport(session.db, { type: '季公告', period: '2025-Q4' }))).toEqual([
      '入院人次：工作区中没有2025年第四季度的数据（数据包未提供“入院人次”），本项暂不能通报。',
    ]);
    const annual = buildReport(session.db, { type: '年通报', period: '2025' });
    // item 7's 病种 and 费用: no package column holds them
    expect(missing(annual)).toEqual(['异地就医病种和医疗费用：工作区中没有2025年的数据（数据包未提供“异地就医病种”“异地就医医疗费用”），本项暂不能通报。']);
    // item 8's cost structure (seed 003): 检查检验 ÷ 住院总费用 over the year, by SQL
    const structure = table(annual, '三级定点医疗机构住院费用结构（检查检验、药品）');
    const first = allRows<{ code: string }>(session.db, 'SELECT code FROM institutions WHERE name = ?', structure.rows[0]![0]!)[0]!.code;
    const yearSum = (c: string, y: string) =>
      v(
        'SELECT sum(value) FROM institution_values WHERE institution = ? AND indicator = ? AND period BETWEEN ? AND ? AND length(period) = 7 AND superseded_by IS NULL',
        first,
        c,
        `${y}-01`,
        `${y}-12`,
      );
    expect(structure.rows[0]!.slice(1, 3)).toEqual([
      formatValue(yearSum('SVC_EXAM_COST', '2025') / yearSum('SVC_IP_COST', '2025'), '%'),
      formatValue(yearSum('SVC_EXAM_COST', '2024') / yearSum('SVC_IP_COST', '2024'), '%'),
    ]);
    expect(missing(buildReport(session.db, { type: '数据分析简报', period: '2025-11' }))).toEqual([]);
    expect(missing(buildReport(session.db, { type: '省级报送', period: '2025-Q3' }))).toEqual([]);
  });

  it('prints one line, not a placeholder, for each item a package without the further figures has no figure for', () => {
    // a package made before the further figures: none of them in the workspace
    const codes = FURTHER_INDICATORS.map((d) => d.code);
    const marks = codes.map(() => '?').join(', ');
    session.db.conn.prepare(`DELETE FROM institution_values WHERE indicator IN (${marks})`).run(...codes);
    session.db.conn.prepare(`DELETE FROM region_values WHERE indicator IN (${marks})`).run(...codes);
    const notice = buildReport(session.db, { type: '月告知', period: '2025-11', institution: drg[0]!.code });
    for (const item of ['病组入组', '费用预拨', '基金预算执行']) expect(line(notice, item), item).toBeTruthy();
    const quarter = buildReport(session.db, { type: '季公告', period: '2025-Q3' });
    for (const item of ['医疗总费用', '病组入组', '基金预付', '医疗机构总额预算执行']) expect(line(quarter, item), item).toBeTruthy();
    // the violations: none marked, one line; no 【待填写】 block for them
    expect(texts(quarter)).toContain('2025年第三季度没有记录违法违规使用医保基金的情况（整改事项中没有认定的问题，会议与意见中没有标记为违规的事项）。');
    expect(quarter.blocks.filter((b) => b.kind === 'editable').map((b) => b.kind === 'editable' && b.key)).toEqual(['requirements']);
  });

  it('月告知: 病组入组, 结算清单上传 and 质控, 费用预拨, 基金预算执行 and objections, from data', () => {
    const h = drg[0]!.code;
    const months = Array.from({ length: 11 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
    const discharges = inst(h, 'SVC_DISCHARGES', '2025-11');
    put([
      [h, 'DRG_GROUPED_CASES', '2025-11', Math.round(discharges * 0.97)],
      [h, 'INST_BUDGET', '2025', 120_000],
      ...months.map((m, i): [string, string, string, number] => [h, 'FUND_PREPAY', m, 500 + i]),
    ]);
    const doc = buildReport(session.db, { type: '月告知', period: '2025-11', institution: h });
    const items = table(doc, '告知事项一览');
    expect(items.rows.map((r) => r[0])).toEqual([
      '病组入组病例数',
      '病组入组率',
      '医保结算清单上传率',
      '医保结算清单质控通过率',
      '费用预拨金额',
      '总额预算执行率',
      '异议申诉',
    ]);
    expect(row(items, '病组入组率')[1]).toBe(formatValue(Math.round(discharges * 0.97) / discharges, '%'));
    expect(row(items, '医保结算清单质控通过率')[1]).toBe(formatValue(inst(h, 'DRG_LIST_QC', '2025-11'), '%'));
    expect(row(items, '费用预拨金额')[3]).toBe(
      `1—11月累计 ${formatValue(
        months.reduce((a, _, i) => a + 500 + i, 0),
        '万元',
      )}`,
    );
    const spent = v(
      "SELECT sum(value) FROM institution_values WHERE institution = ? AND indicator IN ('FE_EMP_POOLED_IP', 'FE_RES_POOLED_IP') AND period BETWEEN '2025-01' AND '2025-11' AND superseded_by IS NULL",
      h,
    );
    expect(row(items, '总额预算执行率')[1]).toBe(formatValue(spent / 120_000, '%'));
    expect(row(items, '总额预算执行率')[3]).toContain(
      `序时进度 ${formatValue(11 / 12, '%')}；预算 ${formatValue(120_000, '万元')}，1—11月支出 ${formatValue(spent, '万元')}`,
    );
    expect(items.note).toMatch(/住院统筹基金支出合计 ÷ 该院本年度总额预算/);
    expect(line(doc, '病组入组')).toBeUndefined();
    expect(texts(doc).filter((t) => /^[一二三四五]、/.test(t))).toEqual([
      '一、主要指标与同级比较',
      '二、告知事项',
      '三、变化预警及原因',
      '四、意见建议与异议申诉办理情况',
    ]);
  });

  it('季公告: 医疗总费用, 基金使用, 出入院人次, 清单质控, 病组入组, 基金预付, 预算执行, 特病单议, violations, from data', () => {
    const q = ['2025-07', '2025-08', '2025-09'];
    const [a, b] = [drg[1]!.code, drg[2]!.code];
    put([
      ...q.flatMap((m, i): [string | null, string, string, number][] => [
        [null, 'SVC_TOTAL_COST', m, 90_000 + i],
        [a, 'DRG_GROUPED_CASES', m, 1000 + i],
        [b, 'DRG_GROUPED_CASES', m, 800 + i],
        [a, 'FUND_PREPAY', m, 300],
        [b, 'FUND_PREPAY', m, 200 + i],
      ]),
      [a, 'INST_BUDGET', '2025', 100_000],
      [b, 'INST_BUDGET', '2025', 50_000],
      [a, 'SC_SUBMITTED', '2025-Q3', 12],
      [a, 'SC_APPROVED', '2025-Q3', 9],
      [a, 'SC_SETTLED', '2025-Q3', 8],
      [a, 'SC_SETTLED_AMOUNT', '2025-Q3', 64.5],
      [other.code, 'SC_SUBMITTED', '2025-Q3', 3],
    ]);
    const c = saveComment(
      session.db,
      null,
      { meetingId: null, institution: a, person: '稽核科', kind: '意见建议', category: '其他', text: '串换项目收费 12 例', period: '2025-08' },
      '测试',
    );
    transitionComment(session.db, c.id, '整改中', { note: '', irregular: true }, '测试');
    const doc = buildReport(session.db, { type: '季公告', period: '2025-Q3' });
    const main = table(doc, '2025年第三季度主要指标');
    expect(row(main, '医疗总费用').slice(1, 5)).toEqual([90_000, 90_001, 90_002, 270_003].map((x) => formatValue(x, '万元')));
    expect(row(main, 'DRG/DIP入组病例数')[4]).toBe(formatValue(3 * 1800 + 6, '例'));
    // the hospitals' sum: these two and the 月告知 test's hospital (506 + 507 + 508)
    expect(row(main, '基金预拨（预付）金额')[4]).toBe(formatValue(900 + 603 + 1521, '万元'));
    const discharges = (m: string) => inst(a, 'SVC_DISCHARGES', m) + inst(b, 'SVC_DISCHARGES', m);
    expect(row(main, 'DRG/DIP入组率')[1]).toBe(formatValue(1800 / discharges('2025-07'), '%'));
    for (const name of ['支出合计', '出院人次', '医保结算清单质控通过率（月均）']) expect(row(main, name)).toBeTruthy();
    expect(row(main, '出院人次')[4]).toBe(
      formatValue(
        v("SELECT sum(value) FROM region_values WHERE indicator = 'SVC_DISCHARGES' AND period IN ('2025-07', '2025-08', '2025-09') AND superseded_by IS NULL"),
        '人次',
      ),
    );
    for (const item of ['医疗总费用', '病组入组', '基金预付', '医疗机构总额预算执行', '特病单议受理及评审结算']) expect(line(doc, item), item).toBeUndefined();
    const budgets = table(doc, '定点医疗机构总额预算执行情况（1—9月）');
    const spentA = v(
      "SELECT sum(value) FROM institution_values WHERE institution = ? AND indicator IN ('FE_EMP_POOLED_IP', 'FE_RES_POOLED_IP') AND period BETWEEN '2025-01' AND '2025-09' AND superseded_by IS NULL",
      a,
    );
    expect(row(budgets, drg[1]!.name).slice(2)).toEqual([
      formatValue(100_000, '万元'),
      formatValue(spentA, '万元'),
      formatValue(spentA / 100_000, '%'),
      '75.00%',
    ]);
    const sc = table(doc, '特病单议受理、评审及结算情况（2025年第三季度）');
    expect(sc.columns.map((c) => c.title)).toEqual(['医疗机构', '受理', '评审通过', '结算病例', '结算金额']);
    // a hospital not paid by DRG/DIP is not listed
    expect(sc.rows.map((r) => r[0])).toEqual([drg[1]!.name, '合计']);
    expect(row(sc, drg[1]!.name).slice(1)).toEqual(['12例', '9例', '8例', '64.50万元']);
    const viol = table(doc, '违法违规使用医保基金情况（2025年第三季度）');
    expect(viol.rows).toEqual([[drg[1]!.name, '串换项目收费 12 例', '整改中（未登记整改事项）', '—']]);
    // made a 整改事项: listed once, as the item, with where its loop stands
    createFromComments(session.db, '测试', '2025-08-20');
    const after = table(buildReport(session.db, { type: '季公告', period: '2025-Q3' }), '违法违规使用医保基金情况（2025年第三季度）');
    expect(after.rows).toHaveLength(1);
    expect(after.rows[0]!.slice(0, 2)).toEqual([drg[1]!.name, '会议中认定需整改：串换项目收费 12 例']);
    expect(after.rows[0]![2]).toMatch(/^待反馈（期限 2025年9月19日/);
    expect(texts(doc).filter((t) => /^[一二三四五六]、/.test(t))).toEqual([
      '一、总体情况',
      '二、预算执行情况',
      '三、特病单议受理及评审结算情况',
      '四、定点医疗机构次均住院费用',
      '五、违法违规使用医保基金情况通报',
    ]);
  });

  it('年通报: the 12 items in order, each from data or its one line', () => {
    const before = buildReport(session.db, { type: '年通报', period: '2025' });
    for (const item of ['月度结算和年度清算', '异地就医']) expect(line(before, item), item).toBeTruthy();
    const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
    const [a, b] = [drg[1]!.code, drg[2]!.code];
    put([
      ...months.flatMap((m): [string | null, string, string, number][] => [
        [a, 'SETTLE_MONTHLY', m, 2000],
        [b, 'SETTLE_MONTHLY', m, 1000],
      ]),
      [a, 'SETTLE_ANNUAL', '2025', 1500],
      [null, 'REMOTE_OUT_CASES', '2025', 41_000],
      [null, 'REMOTE_OUT_AMOUNT', '2025', 52_000],
      [null, 'REMOTE_OUT_CASES', '2024', 40_000],
      [null, 'REMOTE_IN_CASES', '2025', 12_000],
      [null, 'REMOTE_IN_AMOUNT', '2025', 9_000],
    ]);
    const doc = buildReport(session.db, { type: '年通报', period: '2025' });
    const all = texts(doc);
    const items = ['（一）', '{（二）', '{（三）', '（四）', '（五）', '（六）', '（七）', '（八）', '（九）', '{（十）', '{（十一）', '（十二）'];
    const at = items.map((t) => all.findIndex((x) => x.startsWith(t)));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    const section = (n: number) => all.slice(at[n]!, at[n + 1] ?? all.length);
    // (1) 累计结余 and 支付率 beside the year before
    expect(section(0)).toContain('[累计结余与基金支付率]');
    const bal = table(doc, '累计结余与基金支付率');
    const acc = (p: string) => v("SELECT value FROM region_values WHERE indicator = 'FB_EMP_POOLED_ACC' AND period = ? AND superseded_by IS NULL", p);
    expect(row(bal, '职工医保统筹基金累计结余').slice(1, 3)).toEqual([formatValue(acc('2025'), '万元'), formatValue(acc('2024'), '万元')]);
    const rate = (p: string) => v("SELECT value FROM region_values WHERE indicator = 'FE_PAYMENT_RATE' AND period = ? AND superseded_by IS NULL", p);
    expect(row(bal, '医保基金支付率')[1]).toBe(`上半年 ${formatValue(rate('2025-H1'), '%')}，下半年 ${formatValue(rate('2025-H2'), '%')}`);
    // (4) monthly settlement and 清算, the region's and each hospital's
    expect(section(3)).toEqual(expect.arrayContaining(['[月度结算和年度清算（全市）]', '[各定点医疗机构结算和清算金额]']));
    expect(row(table(doc, '月度结算和年度清算（全市）'), '月度结算金额（全年合计）')[1]).toBe(formatValue(36_000, '万元'));
    expect(row(table(doc, '各定点医疗机构结算和清算金额'), drg[1]!.name).slice(2)).toEqual([
      formatValue(24_000, '万元'),
      formatValue(1500, '万元'),
      formatValue(25_500, '万元'),
    ]);
    // (7) cross-region care, with the year before
    expect(row(table(doc, '异地就医结算情况'), '本地参保人异地就医人次')).toEqual(['本地参保人异地就医人次', '41,000人次', '40,000人次', '+2.5%']);
    expect(line(doc, '异地就医')).toBeUndefined();
    // (8) the tertiary hospitals with the year before beside each figure
    const mix = table(doc, '三级定点医疗机构病组入组及费用构成');
    expect(mix.columns.map((c) => c.title)).toEqual(expect.arrayContaining(['上年病例数', '上年总费用', '结算金额']));
    expect(table(doc, '三级定点医疗机构自费占比和CMI').columns.map((c) => c.title)).toEqual(['医疗机构', '自费', '自费占比', '上年自费占比', 'CMI', '上年CMI']);
    const first = mix.rows[0]![0]!;
    const code = allRows<{ code: string }>(session.db, 'SELECT code FROM institutions WHERE name = ?', first)[0]!.code;
    const cases = (y: string) =>
      v(
        "SELECT sum(cases) FROM group_rows WHERE institution = ? AND scheme = 'DRG' AND period BETWEEN ? AND ? AND superseded_by IS NULL",
        code,
        `${y}-01`,
        `${y}-12`,
      );
    expect(mix.rows[0]!.slice(1, 3)).toEqual([formatValue(cases('2025'), '例'), formatValue(cases('2024'), '例')]);
    // (9) the region's top 10 and each tertiary hospital's own top 10 by cost, with the year before
    expect(table(doc, '费用前10名病组').rows).toHaveLength(10);
    const own = table(doc, `${first}费用前10名病组`);
    const top = allRows<{ g: string; cost: number }>(
      session.db,
      "SELECT group_code AS g, sum(total_cost) AS cost FROM group_rows WHERE institution = ? AND scheme = 'DRG' AND period BETWEEN '2025-01' AND '2025-12' AND superseded_by IS NULL GROUP BY group_code ORDER BY cost DESC, group_code LIMIT 10",
      code,
    );
    expect(own.rows.map((r) => [r[0], r[4]])).toEqual(top.map((t) => [t.g, formatValue(t.cost / 10000, '万元')]));
    expect(section(8).filter((t) => t.endsWith('费用前10名病组]')).length).toBe(mix.rows.length + 1);
  });

  const region = (code: string, period: string) =>
    getValue<number>(session.db, 'SELECT value FROM region_values WHERE indicator = ? AND period = ? AND superseded_by IS NULL', code, period) ?? null;
  const sections = (d: ReportDoc) => texts(d).filter((t) => /^[一二三四五六七八]、/.test(t));
  const SECTIONS = [
    '一、基金运行情况',
    '二、医疗机构次均住院费用（分级别）',
    '三、变化预警',
    '四、费用消耗指数与时间消耗指数',
    '五、DRG/DIP付费情况',
    '六、意见建议办理情况',
  ];

  it('简报 for a month: 上传率, 当期/累计结余, 门诊人次, 门诊住院人次比, the quadrant as a chart, every section', () => {
    const doc = buildReport(session.db, { type: '数据分析简报', period: '2025-11' });
    expect(sections(doc)).toEqual(SECTIONS);
    const t = table(doc, '结算清单、门诊与基金结余（2025年11月）');
    expect(t.rows.map((r) => r[0])).toEqual(['医保结算清单上传率', '门诊人次', '门诊住院人次比', '当期结余', '职工医保统筹基金累计结余', '居民医保累计结余']);
    expect(row(t, '医保结算清单上传率')[1]).toBe(formatValue(region('DRG_LIST_UPLOAD', '2025-11'), '%'));
    expect(row(t, '门诊人次')[1]).toBe(formatValue(region('SVC_OP_VISITS', '2025-11'), '人次'));
    // 累计结余 at November's end: 2024's year-end plus 2025's eleven months of 当期结余
    const flows = v(
      "SELECT sum(value) FROM region_values WHERE indicator = 'FB_EMP_POOLED_CUR' AND period BETWEEN '2025-01' AND '2025-11' AND superseded_by IS NULL",
    );
    expect(row(t, '职工医保统筹基金累计结余')[1]).toBe(formatValue(region('FB_EMP_POOLED_ACC', '2024')! + flows, '万元'));
    const chart = doc.blocks.find((b) => b.kind === 'chart' && b.chart.type === 'scatter');
    expect(chart && chart.kind === 'chart' && chart.chart.points!.length).toBeGreaterThan(5);
  });

  it('简报 for a quarter, a half-year and a year: section 二 ranked from the months, 四 present, a DRG section, the year’s 医疗救助', () => {
    for (const period of ['2025-Q3', '2025-H1', '2025']) {
      const doc = buildReport(session.db, { type: '数据分析简报', period });
      expect(sections(doc), period).toEqual(SECTIONS);
      const at = texts(doc).indexOf('二、医疗机构次均住院费用（分级别）');
      expect(texts(doc)[at + 1], period).toMatch(/^\[三级医疗机构次均住院费用排名/);
      expect(
        doc.blocks.some((b) => b.kind === 'chart' && b.chart.type === 'scatter'),
        period,
      ).toBe(true);
      expect(
        tables(doc).some((x) => x.title.startsWith('DRG/DIP付费主要指标')),
        period,
      ).toBe(true);
    }
    // a hospital's 次均住院费用 over the quarter: Σ住院总费用 ÷ Σ出院人次 of its three months
    const q = buildReport(session.db, { type: '数据分析简报', period: '2025-Q3' });
    const third = table(q, '三级医疗机构次均住院费用排名（2025年第三季度）');
    const h = allRows<{ code: string }>(session.db, 'SELECT code FROM institutions WHERE name = ?', third.rows[0]![1]!)[0]!.code;
    const sum = (c: string) =>
      v(
        `SELECT sum(value) FROM institution_values WHERE institution = ? AND indicator = ? AND period IN ('2025-07', '2025-08', '2025-09') AND superseded_by IS NULL`,
        h,
        c,
      );
    expect(third.rows[0]![2]).toBe(formatValue((sum('SVC_IP_COST') * 10000) / sum('SVC_DISCHARGES'), '元'));
    // the year: 医疗救助 from its four quarters
    const y = buildReport(session.db, { type: '数据分析简报', period: '2025' });
    const aid = table(y, '城乡医疗救助（2025年）');
    const quarters = [1, 2, 3, 4].map((n) => region('MA_INCOME', `2025-Q${n}`)!);
    expect(row(aid, '医疗救助基金收入')[5]).toBe(
      formatValue(
        quarters.reduce((a, x) => a + x, 0),
        '万元',
      ),
    );
  });

  it('省级报送: 重点病组 and the main hospitals compared, and an Excel sheet the province can stack (openpyxl: numeric cells)', async () => {
    const doc = buildReport(session.db, { type: '省级报送', period: '2025-Q3' });
    expect(texts(doc).filter((t) => /^[一二三四五]、/.test(t))).toEqual(['一、总体情况', '二、重点病组分析', '三、主要医疗机构比较', '四、报送数据']);
    expect(doc.flatSheet!.rows.length).toBeGreaterThan(50);
    const groups = table(doc, '费用前10名病组（2025年第三季度）');
    const top = allRows<{ g: string; cases: number; cost: number }>(
      session.db,
      "SELECT g.group_code AS g, sum(g.cases) AS cases, sum(g.total_cost) AS cost FROM group_rows g JOIN institutions i ON i.code = g.institution WHERE i.payment IN ('DRG', 'DIP') AND g.period BETWEEN '2025-07' AND '2025-09' AND g.superseded_by IS NULL GROUP BY g.group_code ORDER BY cost DESC, g.group_code LIMIT 10",
    );
    expect(groups.rows.map((r) => [r[0], r[3], r[5]])).toEqual(top.map((t) => [t.g, formatValue(t.cases, '例'), formatValue(t.cost / t.cases, '元')]));
    const main = table(doc, '三级按DRG/DIP付费医疗机构（2025年第三季度）');
    const tertiary = allRows<{ code: string; name: string }>(
      session.db,
      "SELECT code, name FROM institutions WHERE level = '三级' AND payment IN ('DRG', 'DIP')",
    );
    expect(main.rows.map((r) => r[0]).sort()).toEqual(tertiary.map((t) => t.name).sort());
    // a hospital not paid by DRG/DIP is never compared
    expect(main.rows.map((r) => r[0])).not.toContain(other.name);
    const h = tertiary.find((t) => t.name === main.rows[0]![0])!;
    const dis = v(
      "SELECT sum(value) FROM institution_values WHERE institution = ? AND indicator = 'SVC_DISCHARGES' AND period IN ('2025-07', '2025-08', '2025-09') AND superseded_by IS NULL",
      h.code,
    );
    expect(main.rows[0]![1]).toBe(formatValue(dis, '人次'));

    const out = join(tempDir(), '省级报送.xlsx');
    const r = await dispatch(
      'reports.export',
      { request: { type: '省级报送', period: '2025-Q3' }, format: 'xlsx', path: out, placeholders: 'keep' },
      { session, actor: '测试', progress: () => undefined },
    );
    expect(r.ok).toBe(true);
    const py = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
rows = [[c.value for c in r] for r in ws.iter_rows()]
print(json.dumps({"sheets": wb.sheetnames, "freeze": ws.freeze_panes, "head": rows[0], "rows": rows[1:], "formats": [r[7].number_format for r in ws.iter_rows(min_row=2)]}, ensure_ascii=False, default=str))
`;
    const x = JSON.parse(execFileSync(PYTHON, ['-c', py, out], { encoding: 'utf8' })) as {
      sheets: string[];
      freeze: string;
      head: string[];
      rows: unknown[][];
      formats: string[];
    };
    expect(x.sheets).toEqual(['报送数据']);
    expect(x.freeze).toBe('A2');
    expect(x.head).toEqual(['地区编码', '地区名称', '期间', '指标编码', '指标', '机构编码', '医疗机构', '数值', '单位', '病组编码', '病组名称']);
    // the 重点病组: each of the ten costliest groups' cases, cost (万元) and cost per case (元), numbers as in the database
    const g0 = top[0]!;
    const groupRow = (code: string) => x.rows.find((r) => r[3] === code && r[9] === g0.g)!;
    expect(groupRow('GROUP_CASES')[7]).toBe(g0.cases);
    expect(groupRow('GROUP_COST')[7]).toBeCloseTo(g0.cost / 10000, 2);
    expect(groupRow('GROUP_COST')[8]).toBe('万元');
    expect(groupRow('GROUP_AVG_COST')[7]).toBeCloseTo(g0.cost / g0.cases, 2);
    expect(x.rows.filter((r) => r[3] === 'GROUP_CASES')).toHaveLength(top.length);
    const regionCode = getValue<string>(session.db, 'SELECT region_code FROM workspace WHERE id = 1');
    expect(x.rows.every((r) => r[0] === regionCode && r[2] === '2025-Q3' && typeof r[7] === 'number')).toBe(true);
    const regionDis = x.rows.find((r) => r[3] === 'SVC_DISCHARGES' && r[5] === null)!;
    expect(regionDis[7]).toBe(
      v("SELECT sum(value) FROM region_values WHERE indicator = 'SVC_DISCHARGES' AND period IN ('2025-07', '2025-08', '2025-09') AND superseded_by IS NULL"),
    );
    expect(x.rows.find((r) => r[3] === 'SVC_DISCHARGES' && r[5] === h.code)![7]).toBe(dis);
    // amounts in 万元 whatever their size, shares as fractions in a percent format
    const cost = x.rows.find((r) => r[3] === 'SVC_IP_COST' && r[5] === null)!;
    expect(cost[8]).toBe('万元');
    const qc = x.rows.findIndex((r) => r[3] === 'DRG_LIST_QC' && r[5] === null);
    expect(x.formats[qc]).toMatch(/%/);
    expect(x.rows[qc]![7] as number).toBeLessThan(1);
  });

  it('半年公布 and 年通报 item 6: 特例单议 结算 cases and amounts when filed, 除外支付 or its one line', () => {
    const plain = buildReport(session.db, { type: '半年公布', period: '2024-H1' });
    // 特例单议病例数占出院病例数的比例 is the official table's, not a further figure: still there
    expect(tables(plain)[1]!.columns.map((c) => c.title)).toEqual(['医疗机构', '级别', '申报病例', '审核通过', '通过率', '占出院病例比例']);
    expect(line(buildReport(session.db, { type: '年通报', period: '2024' }), '除外支付')).toBeTruthy();
    const h = allRows<{ institution: string }>(
      session.db,
      "SELECT institution FROM institution_values WHERE indicator = 'SC_SUBMITTED' AND period = '2024-H1' AND superseded_by IS NULL ORDER BY institution",
    )[0]!.institution;
    const name = drg.find((d) => d.code === h)!.name;
    put([
      [h, 'SC_SETTLED', '2024-H1', 7],
      [h, 'SC_SETTLED_AMOUNT', '2024-H1', 42.25],
      [null, 'EXCL_PAY', '2024', 880],
    ]);
    const half = buildReport(session.db, { type: '半年公布', period: '2024-H1' });
    const t = tables(half)[1]!;
    expect(t.columns.map((c) => c.title).slice(6)).toEqual(['结算病例', '结算金额']);
    expect(row(t, name).slice(6)).toEqual(['7例', '42.25万元']);
    const year = buildReport(session.db, { type: '年通报', period: '2024' });
    expect(texts(year)).toContain('全年除外支付金额 880.00万元。');
    expect(texts(year).some((x) => x.startsWith('特病单议：'))).toBe(false);
  });
});
