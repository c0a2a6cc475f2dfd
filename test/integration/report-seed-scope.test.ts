import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRows, getValue } from '../../electron/services/db/connection';
import { openOrCreateDemo } from '../../electron/services/host/bootstrap';
import { WorkspaceSession } from '../../electron/services/host/session';
import { saveComment, transitionComment } from '../../electron/services/comments/comments-service';
import { buildReport } from '../../electron/services/reports/build';
import { overview } from '../../electron/services/data/queries';
import { formatValue } from '../../shared/format';
import type { Block, ReportDoc } from '../../shared/reports/model';
import { tempDir } from '../helpers/temp';

// The documents read against the seeds item by item (issue 31), on the demo region as shipped: each
// figure over the institutions and the period the rule means. DRG/DIP入组率 over the DRG/DIP hospitals'
// discharges only; 年通报 item 4's settlement of the DRG/DIP hospitals; 半年公布's 特例单议 share of the
// discharges and the institutions' 住院率 (001's table marks both *); 省级报送's 职工门诊统筹 pilot (001
// 第八条); 年通报 item 7's 病种 and 费用 said to be missing; the comments of the report's own period, by
// Beijing date.
const DEMO = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');

type Table = Extract<Block, { kind: 'table' }>;
const table = (d: ReportDoc, title: string | RegExp) => {
  const t = d.blocks.find((b): b is Table => b.kind === 'table' && (typeof title === 'string' ? b.title === title : title.test(b.title)));
  if (!t) throw new Error(`no table ${String(title)} in ${d.title}`);
  return t;
};
const row = (t: Table, first: string) => {
  const r = t.rows.find((x) => x[0] === first);
  if (!r) throw new Error(`no row ${first} in ${t.title}: ${t.rows.map((x) => x[0]).join(' | ')}`);
  return r;
};
const paragraphs = (d: ReportDoc) => d.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
const fact = (d: ReportDoc, label: string) => d.blocks.flatMap((b) => (b.kind === 'facts' ? b.items : [])).find((i) => i.label === label)?.value;

describe('each figure over the institutions and the period the rules mean', () => {
  let session: WorkspaceSession;
  beforeAll(async () => {
    session = new WorkspaceSession();
    await openOrCreateDemo(session, { workspacePath: join(tempDir(), 'demo.ljd'), demoPackage: DEMO, actor: '测试' });
  });
  afterAll(() => session?.close());

  const v = (sql: string, ...args: (string | number)[]) => getValue<number>(session.db, sql, ...args)!;
  /** Σ of an indicator over the DRG/DIP hospitals in the months from..to */
  const drgSum = (code: string, from: string, to: string) =>
    v(
      `SELECT sum(v.value) FROM institution_values v JOIN institutions i ON i.code = v.institution
       WHERE i.payment IN ('DRG', 'DIP') AND v.indicator = ? AND v.period BETWEEN ? AND ? AND length(v.period) = 7 AND v.superseded_by IS NULL`,
      code,
      from,
      to,
    );
  const groupedRate = (from: string, to: string) => drgSum('DRG_GROUPED_CASES', from, to) / drgSum('SVC_DISCHARGES', from, to);

  it('DRG/DIP入组率 of the region divides by the DRG/DIP hospitals’ discharges, not every institution’s', () => {
    // the demo's 40 institutions not paid by DRG/DIP discharge patients too: the rate over all is lower
    const overAll = v("SELECT value FROM region_values WHERE indicator = 'DRG_GROUPED_RATE' AND period = '2025-11' AND superseded_by IS NULL");
    expect(formatValue(overAll, '%')).not.toBe(formatValue(groupedRate('2025-11', '2025-11'), '%'));
    const h = allRows<{ code: string }>(session.db, "SELECT code FROM institutions WHERE payment = 'DRG' ORDER BY code")[0]!.code;
    const notice = buildReport(session.db, { type: '月告知', period: '2025-11', institution: h });
    expect(row(table(notice, '主要指标'), 'DRG/DIP入组率')[4]).toBe(formatValue(groupedRate('2025-11', '2025-11'), '%'));
    const quarter = table(buildReport(session.db, { type: '季公告', period: '2025-Q4' }), '2025年第四季度主要指标');
    const q = row(quarter, 'DRG/DIP入组率');
    expect(q[1]).toBe(formatValue(groupedRate('2025-10', '2025-10'), '%'));
    expect(q[4]).toBe(formatValue(groupedRate('2025-10', '2025-12'), '%'));
    expect(q[5]).toBe(formatValue(groupedRate('2024-10', '2024-12'), '%'));
    // 004 names 出入院人次; the package files discharges only: said, not left out silently
    expect(paragraphs(buildReport(session.db, { type: '季公告', period: '2025-Q4' }))).toContain(
      '入院人次：工作区中没有2025年第四季度的数据（数据包未提供“入院人次”），本项暂不能通报。',
    );
    const brief = table(buildReport(session.db, { type: '数据分析简报', period: '2025-11' }), /^DRG\/DIP付费主要指标/);
    expect(row(brief, 'DRG/DIP入组率')[1]).toBe(formatValue(groupedRate('2025-11', '2025-11'), '%'));
    const year = table(buildReport(session.db, { type: '数据分析简报', period: '2025' }), /^DRG\/DIP付费主要指标/);
    expect(row(year, 'DRG/DIP入组率')[1]).toBe(formatValue(groupedRate('2025-01', '2025-12'), '%'));
  });

  it('年通报 item 4 totals the DRG/DIP hospitals’ settlement; item 7 says 病种 and 费用 were not filed', () => {
    const doc = buildReport(session.db, { type: '年通报', period: '2025' });
    const t = table(doc, '月度结算和年度清算（按DRG/DIP付费医疗机构合计）');
    expect(row(t, '月度结算金额（全年合计）').slice(1, 3)).toEqual([
      formatValue(drgSum('SETTLE_MONTHLY', '2025-01', '2025-12'), '万元'),
      formatValue(drgSum('SETTLE_MONTHLY', '2024-01', '2024-12'), '万元'),
    ]);
    const annual = (y: string) =>
      v(
        `SELECT sum(v.value) FROM institution_values v JOIN institutions i ON i.code = v.institution
         WHERE i.payment IN ('DRG', 'DIP') AND v.indicator = 'SETTLE_ANNUAL' AND v.period = ? AND v.superseded_by IS NULL`,
        y,
      );
    expect(row(t, '年度清算金额').slice(1, 3)).toEqual([formatValue(annual('2025'), '万元'), formatValue(annual('2024'), '万元')]);
    // the table below it lists the same hospitals: its column adds up to the total above
    const each = table(doc, '各定点医疗机构结算和清算金额');
    expect(each.rows).toHaveLength(v("SELECT count(*) FROM institutions WHERE payment IN ('DRG', 'DIP')"));
    expect(paragraphs(doc)).toContain('异地就医病种和医疗费用：工作区中没有2025年的数据（数据包未提供“异地就医病种”“异地就医医疗费用”），本项暂不能通报。');
  });

  it('半年公布: 特例单议病例数占出院病例数的比例, the region’s and each hospital’s, and the institutions’ 住院率 or its line', () => {
    const doc = buildReport(session.db, { type: '半年公布', period: '2025-H1' });
    const region = v("SELECT value FROM region_values WHERE indicator = 'SC_SHARE' AND period = '2025-H1' AND superseded_by IS NULL");
    expect(fact(doc, '特例单议病例数占出院病例数的比例')).toBe(`${formatValue(region, '%')}（全市）`);
    const t = table(doc, /^各医疗机构特例单议情况/);
    const col = t.columns.findIndex((c) => c.title === '占出院病例比例');
    expect(col).toBeGreaterThan(0);
    for (const r of t.rows) {
      const own = v(
        "SELECT v.value FROM institution_values v JOIN institutions i ON i.code = v.institution WHERE i.name = ? AND v.indicator = 'SC_SHARE' AND v.period = '2025-H1' AND v.superseded_by IS NULL",
        r[0]!,
      );
      expect(r[col], r[0]).toBe(formatValue(own, '%'));
    }
    // the demo files 住院率 for the region only
    expect(v("SELECT count(*) FROM institution_values WHERE indicator = 'SVC_HOSP_RATE'")).toBe(0);
    expect(paragraphs(doc)).toContain('各医疗机构住院率：工作区中没有2025年上半年的机构住院率（数据包未提供），本项暂不能公布。');
  });

  it('省级报送 holds 001 第八条’s 职工门诊统筹 payment pilot, for the convenor to fill', () => {
    const doc = buildReport(session.db, { type: '省级报送', period: '2025-Q4' });
    const edits = doc.blocks.flatMap((b) => (b.kind === 'editable' ? [b.title] : []));
    expect(edits).toEqual(['五、职工门诊统筹支付方式改革试点情况', '六、分析说明']);
  });

  it('年通报 item 10 lists the year’s audit findings and irregular comments, as the 季公告 does, beside the convenor’s text', () => {
    const item10 = (d: ReportDoc) => {
      const at = d.blocks.findIndex((b) => b.kind === 'editable' && b.title.startsWith('（十）'));
      return d.blocks.slice(
        at + 1,
        d.blocks.findIndex((b, i) => i > at && b.kind === 'editable'),
      );
    };
    expect(item10(buildReport(session.db, { type: '年通报', period: '2025' }))).toEqual([
      { kind: 'paragraph', text: '2025年没有记录违法违规使用医保基金的情况（整改事项中没有认定的问题，会议与意见中没有标记为违规的事项）。' },
    ]);
    const h = allRows<{ code: string; name: string }>(session.db, "SELECT code, name FROM institutions WHERE payment = 'DRG' ORDER BY code")[1]!;
    const c = saveComment(
      session.db,
      null,
      { meetingId: null, institution: h.code, person: '稽核科', kind: '意见建议', category: '其他', text: '分解住院 5 例', period: '2025-08' },
      '测试',
    );
    transitionComment(session.db, c.id, '整改中', { note: '', irregular: true }, '测试');
    const listed = item10(buildReport(session.db, { type: '年通报', period: '2025' }));
    expect(listed).toHaveLength(1);
    expect(listed[0]!.kind === 'table' && listed[0]!.rows).toEqual([[h.name, '分解住院 5 例', '整改中（未登记整改事项）', '—']]);
    session.db.conn.prepare('DELETE FROM comment_events WHERE comment_id = ?').run(c.id);
    session.db.conn.prepare('DELETE FROM comments WHERE id = ?').run(c.id);
  });

  it('the briefing and 年通报 count the comments received in their own period, by Beijing date', () => {
    const h = allRows<{ code: string }>(session.db, 'SELECT code FROM institutions ORDER BY code')[0]!.code;
    const at = (iso: string, kind: '意见建议' | '异议申诉') => {
      const c = saveComment(session.db, null, { meetingId: null, institution: h, person: '医保办', kind, category: '其他', text: iso }, '测试');
      session.db.conn.prepare('UPDATE comments SET created_at = ? WHERE id = ?').run(iso, c.id);
    };
    at('2025-11-15T02:00:00.000Z', '意见建议'); // 2025年11月15日
    at('2025-10-31T17:00:00.000Z', '意见建议'); // 2025年11月1日 01:00 in Beijing
    at('2025-11-30T17:00:00.000Z', '意见建议'); // 2025年12月1日 01:00 in Beijing
    at('2025-11-20T02:00:00.000Z', '异议申诉');
    at('2026-01-05T02:00:00.000Z', '意见建议'); // the next year
    const brief = buildReport(session.db, { type: '数据分析简报', period: '2025-11' });
    expect(fact(brief, '本期收到意见建议')).toBe('2 条');
    expect(fact(brief, '本期收到异议申诉')).toBe('1 条');
    expect(fact(buildReport(session.db, { type: '数据分析简报', period: '2025-12' }), '本期收到意见建议')).toBe('1 条');
    const annual = buildReport(session.db, { type: '年通报', period: '2025' });
    expect(paragraphs(annual)).toContain('2025年收到定点医疗机构意见建议和异议申诉 4 条，已答复或办结 0 条。');
  });
  it('a year’s overview and 简报 show the year made from its twelve months (职工/居民支出, 住院总费用, 出院人次, 次均)', () => {
    const months = "period GLOB '2025-[0-9][0-9]' AND superseded_by IS NULL";
    const sum = (code: string) => v(`SELECT sum(value) FROM region_values WHERE indicator = ? AND ${months}`, code);
    const ov = overview(session.db, '2025');
    const card = (code: string) => ov.sections.flatMap((x) => x.kpis).find((k) => k.code === code);
    expect(card('FE_EMP')!.value).toBeCloseTo(sum('FE_EMP'), 6);
    expect(card('FE_RES')!.value).toBeCloseTo(sum('FE_RES'), 6);
    expect(card('SVC_DISCHARGES')!.value).toBe(sum('SVC_DISCHARGES'));
    expect(card('SVC_COST_PER_STAY')!.value).toBeCloseTo((sum('SVC_IP_COST') * 10000) / sum('SVC_DISCHARGES'), 6);
    expect(card('FE_EMP')!.lastYear).toBeCloseTo(
      v(`SELECT sum(value) FROM region_values WHERE indicator = 'FE_EMP' AND period GLOB '2024-[0-9][0-9]' AND superseded_by IS NULL`),
      6,
    );
    const doc = buildReport(session.db, { type: '数据分析简报', period: '2025' });
    const text = JSON.stringify(doc.blocks);
    for (const name of ['职工医保基金支出', '居民医保基金支出', '住院总费用', '出院人次']) expect(text, name).toContain(name);
    expect(text).toContain(formatValue(sum('SVC_DISCHARGES'), '人次'));
  });
});
