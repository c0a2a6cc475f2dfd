// The 数据分析简报 over periods longer than a month (demo region): 1—N月 (本年累计) is offered once its
// months are in and has every section from them — 次均住院费用 ranked per level, the DRG section's
// costliest groups — with 上期/环比 left empty (1—10月 beside 1—11月 is not an earlier period); and a
// quarter or a 1—N月 whose months raised warnings says how many, lists the red ones by month, and
// never reads 「没有触发预警」. Each number against the database or the months' flag lists.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raisedFlags } from '../../electron/services/analysis/flags';
import { allRows, getValue } from '../../electron/services/db/connection';
import { dataHoldings } from '../../electron/services/data/holdings';
import { openOrCreateDemo } from '../../electron/services/host/bootstrap';
import { WorkspaceSession } from '../../electron/services/host/session';
import { buildReport } from '../../electron/services/reports/build';
import { levelBand, type InstitutionLevel } from '../../shared/domain/types';
import { formatValue } from '../../shared/format';
import { periodRange } from '../../shared/period';
import { missingData, periodsWithData } from '../../shared/reports/period-data';
import type { Block, ReportDoc } from '../../shared/reports/model';
import { tempDir } from '../helpers/temp';

const DEMO = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');
type Table = Extract<Block, { kind: 'table' }>;
const table = (d: ReportDoc, title: string) => {
  const t = d.blocks.find((b): b is Table => b.kind === 'table' && b.title === title);
  if (!t) throw new Error(`no table ${title} in ${d.subtitle}`);
  return t;
};
const after = (d: ReportDoc, heading: string) => d.blocks[d.blocks.findIndex((b) => b.kind === 'heading' && b.text === heading) + 1]!;

describe('数据分析简报 over longer periods', () => {
  let session: WorkspaceSession;
  const v = (sql: string, ...args: string[]) => getValue<number>(session.db, sql, ...args)!;
  const NOV = periodRange('2025-01', '2025-11');
  beforeAll(async () => {
    session = new WorkspaceSession();
    await openOrCreateDemo(session, { workspacePath: join(tempDir(), 'demo.ljd'), demoPackage: DEMO, actor: '测试' });
  });
  afterAll(() => session?.close());

  it('offers 1—N月 once its months are in, not 1—3/6/12月 (those are the quarter, the half, the year)', () => {
    const offered = periodsWithData('数据分析简报', dataHoldings(session.db));
    expect(offered).toContain('2025-C11');
    expect(offered).toContain('2025-C02');
    expect(offered.filter((p) => /-C(03|06|12)$/.test(p))).toEqual([]);
    expect(missingData('数据分析简报', '2025-C11', dataHoldings(session.db))).toBeNull();
  });

  it('1—11月: 次均住院费用 ranked from the eleven months, the costliest groups summed over them, no 上期', () => {
    const doc = buildReport(session.db, { type: '数据分析简报', period: '2025-C11' });
    expect(doc.subtitle).toBe('2025年1—11月');
    // a tertiary hospital's 次均住院费用: Σ住院总费用 (万元) × 10,000 ÷ Σ出院人次 over January to November
    const third = table(doc, '三级医疗机构次均住院费用排名（2025年1—11月）');
    const top = allRows<{ code: string }>(session.db, 'SELECT code FROM institutions WHERE name = ?', third.rows[0]![1]!)[0]!.code;
    const sum = (c: string) =>
      v(
        `SELECT sum(value) FROM institution_values WHERE institution = ? AND indicator = ? AND period BETWEEN '2025-01' AND '2025-11' AND superseded_by IS NULL`,
        top,
        c,
      );
    expect(third.rows[0]![2]).toBe(formatValue((sum('SVC_IP_COST') * 10000) / sum('SVC_DISCHARGES'), '元'));
    // the tertiary hospitals' costliest DRG group over the eleven months
    const tertiary = allRows<{ code: string; level: InstitutionLevel }>(session.db, 'SELECT code, level FROM institutions')
      .filter((i) => levelBand(i.level) === '三级')
      .map((i) => i.code);
    const groups = allRows<{ g: string; cases: number; cost: number }>(
      session.db,
      `SELECT group_code AS g, sum(cases) AS cases, sum(total_cost) AS cost FROM group_rows
       WHERE scheme = 'DRG' AND superseded_by IS NULL AND period BETWEEN '2025-01' AND '2025-11' AND institution IN (${tertiary.map(() => '?').join(', ')})
       GROUP BY group_code ORDER BY cost DESC, group_code LIMIT 1`,
      ...tertiary,
    )[0]!;
    const costliest = table(doc, '三级医疗机构费用前10名病组（2025年1—11月）').rows[0]!;
    expect([costliest[0], costliest[2], costliest[3]]).toEqual([groups.g, formatValue(groups.cases, '例'), formatValue(groups.cost / 10000, '万元')]);
    // 上期 and 环比 empty, 去年同期 the same eleven months of 2024
    const key = table(doc, '结算清单、门诊与基金结余（2025年1—11月）');
    for (const r of key.rows) expect([r[0], r[2], r[3]]).toEqual([r[0], '—', '—']);
    const visits = (p: string) =>
      v(`SELECT sum(value) FROM region_values WHERE indicator = 'SVC_OP_VISITS' AND period BETWEEN ? AND ? AND superseded_by IS NULL`, ...p.split('~'));
    expect(key.rows.find((r) => r[0] === '门诊人次')![4]).toBe(formatValue(visits('2024-01~2024-11'), '人次'));
    expect(key.rows.find((r) => r[0] === '门诊人次')![1]).toBe(formatValue(visits('2025-01~2025-11'), '人次'));
  });

  it('a quarter and 1—N月 without flags of their own: the months’ warnings counted, the red ones listed by month', () => {
    for (const [period, zh, months] of [
      ['2025-Q3', '2025年第三季度', periodRange('2025-07', '2025-09')],
      ['2025-C11', '2025年1—11月', NOV],
    ] as const) {
      const flags = months.flatMap((m) => raisedFlags(session.db, m));
      const red = flags.filter((f) => f.level === 'red');
      expect(red.length, period).toBeGreaterThan(0);
      const doc = buildReport(session.db, { type: '数据分析简报', period });
      const p = after(doc, '三、变化预警');
      expect(p.kind === 'paragraph' && p.text, period).toBe(
        `变化预警按月计算：${zh}各月共触发红色预警 ${red.length} 项、黄色预警 ${flags.length - red.length} 项，涉及 ${new Set(flags.map((f) => f.institution)).size} 家医疗机构；红色预警逐项列于下表，黄色预警见各月数据分析简报。`,
      );
      const list = table(doc, `红色预警清单（${zh}各月）`);
      expect(list.rows.length, period).toBe(red.length);
      expect(list.rows[0]![1], period).toBe(red[0]!.name);
    }
  });
});
