import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRows, getValue } from '../../electron/services/db/connection';
import { openOrCreateDemo } from '../../electron/services/host/bootstrap';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import { buildReport } from '../../electron/services/reports/build';
import type { Block } from '../../shared/reports/model';
import { periodChoices } from '../../shared/reports/registry';
import { dataHoldings } from '../../electron/services/data/holdings';
import { tempDir } from '../helpers/temp';

// 半年公布 (住院率和特例单议情况, seed 001 第八条) on the demo region: every number against the
// database, computed here by hand; the export marks the half-year's obligation done.
const DEMO = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');
const HALF = '2025-H1';

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
const points = (d: number) => `${d > 0 ? '+' : d < 0 ? '−' : ''}${Math.abs(d * 100).toFixed(2)}个百分点`;
const cases = (n: number) => `${n.toLocaleString('en-US')}例`;

describe('半年公布', () => {
  let session: WorkspaceSession;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    session = new WorkspaceSession();
    await openOrCreateDemo(session, { workspacePath: join(dir, 'demo.ljd'), demoPackage: DEMO, actor: '测试' });
  }, 60_000);
  afterAll(() => session?.close());

  const rate = (period: string) =>
    getValue<number>(session.db, "SELECT value FROM region_values WHERE indicator = 'SVC_HOSP_RATE' AND period = ? AND superseded_by IS NULL", period)!;

  it('is offered for the half-years imported as such', () => {
    expect(periodChoices('半年公布', dataHoldings(session.db))).toEqual(['2025-H2', '2025-H1', '2024-H2', '2024-H1', '2023-H2', '2023-H1']);
  });

  it('prints the hospitalization rate and each hospital’s special cases as the database has them', () => {
    const doc = buildReport(session.db, { type: '半年公布', period: HALF });
    expect(doc.title).toMatch(/2025年上半年住院率和特例单议情况公布$/);
    const tables = doc.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
    const [now, before, lastYear] = [rate(HALF), rate('2024-H2'), rate('2024-H1')];
    expect(tables[0]!.rows).toEqual([['住院率', pct(now), pct(before), points(now - before), pct(lastYear), points(now - lastYear)]]);

    const sc = allRows<{ code: string; name: string; submitted: number; approved: number }>(
      session.db,
      `SELECT i.code, i.name, s.value AS submitted, a.value AS approved
         FROM institution_values s JOIN institutions i ON i.code = s.institution
         JOIN institution_values a ON a.institution = s.institution AND a.period = s.period AND a.indicator = 'SC_APPROVED' AND a.superseded_by IS NULL
        WHERE s.indicator = 'SC_SUBMITTED' AND s.period = ? AND s.superseded_by IS NULL
        ORDER BY s.value DESC, i.code`,
      HALF,
    );
    expect(sc.length).toBeGreaterThan(10);
    const facts = doc.blocks.find((b): b is Extract<Block, { kind: 'facts' }> => b.kind === 'facts')!;
    const submitted = sc.reduce((a, r) => a + r.submitted, 0);
    const approved = sc.reduce((a, r) => a + r.approved, 0);
    expect(facts.items).toEqual([
      { label: '申报医疗机构', value: `${sc.length}家` },
      { label: '申报病例（合计）', value: cases(submitted) },
      { label: '审核通过（合计）', value: cases(approved) },
      { label: '审核通过率', value: pct(approved / submitted) },
      {
        label: '特例单议病例数占出院病例数的比例',
        value: `${pct(getValue<number>(session.db, "SELECT value FROM region_values WHERE indicator = 'SC_SHARE' AND period = ? AND superseded_by IS NULL", HALF)!)}（全市）`,
      },
    ]);
    expect(tables[1]!.rows.map((r) => [r[0], r[2], r[3], r[4]])).toEqual(
      sc.map((r) => [r.name, cases(r.submitted), cases(r.approved), r.submitted ? pct(r.approved / r.submitted) : '—']),
    );
  });

  it('is refused for a half-year without its data, and its export marks the half-year’s obligation done', async () => {
    const ctx = { session, actor: '测试', progress: () => undefined };
    const none = await dispatch('reports.preview', { type: '半年公布', period: '2026-H1' }, ctx);
    expect(none).toMatchObject({ ok: false, error: { message: '工作区中没有2026年上半年的住院率和特例单议数据，不能生成半年公布。' } });
    const quarter = await dispatch('reports.preview', { type: '半年公布', period: '2025-Q1' }, ctx);
    expect(quarter).toMatchObject({ ok: false, error: { message: '半年公布须选择一个半年。', hint: '例如 2025年上半年。' } });

    const path = join(dir, '半年公布.pdf');
    expect(await dispatch('reports.export', { request: { type: '半年公布', period: HALF }, format: 'pdf', path, placeholders: 'keep' }, ctx)).toMatchObject({
      ok: true,
    });
    expect(execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' })).toContain('住院率和特例单议情况公布');
    expect(allRows(session.db, "SELECT kind, subject FROM done_events WHERE source LIKE 'export:%'")).toEqual([{ kind: '半年公布', subject: HALF }]);
  });
});
