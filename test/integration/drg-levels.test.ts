// The DRG view's level choice (issue 33): every level band with DRG group rows in a period is
// offered (analysis.drgBands), and a band's overview sums that band's hospitals only, through the
// channel the page calls; tertiary stays the default and the summarized answer.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import { drgOverview } from '../../electron/services/analysis/analysis';
import { levelBand, type InstitutionLevel } from '../../shared/domain/types';
import type { DrgOverview } from '../../shared/domain/analysis';

const DEMO_ZIP = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');
const session = new WorkspaceSession();
const ctx = { session, actor: '测试', progress: () => undefined };

beforeAll(async () => {
  session.create(join(mkdtempSync(join(tmpdir(), 'liangjiadi-drg-levels-')), 'w.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试' });
  const prepared = (await dispatch('import.prepare', { path: DEMO_ZIP }, ctx)) as { ok: true; value: { token: string } };
  expect((await dispatch('import.commit', { token: prepared.value.token }, ctx)).ok).toBe(true);
});
afterAll(() => session.close());

/** From the table: the levels with current DRG rows in 2025, and one band's total cost. */
const levels = () =>
  session.db.conn
    .prepare(
      "SELECT DISTINCT i.level FROM group_rows g JOIN institutions i ON i.code = g.institution WHERE g.superseded_by IS NULL AND g.scheme = 'DRG' AND g.period LIKE '2025-%'",
    )
    .pluck()
    .all() as InstitutionLevel[];
const costOf = (band: string) =>
  (
    session.db.conn
      .prepare(
        "SELECT i.level, sum(g.total_cost) AS cost FROM group_rows g JOIN institutions i ON i.code = g.institution WHERE g.superseded_by IS NULL AND g.scheme = 'DRG' AND g.period LIKE '2025-%' GROUP BY i.level",
      )
      .all() as { level: InstitutionLevel; cost: number }[]
  )
    .filter((r) => levelBand(r.level) === band)
    .reduce((a, r) => a + r.cost, 0);

describe('DRG overview by level band', () => {
  it('offers every band with DRG data, tertiary first', async () => {
    const r = (await dispatch('analysis.drgBands', { period: '2025' }, ctx)) as { ok: true; value: string[] };
    const expected = ['三级', '二级', '一级及基层', '未定级'].filter((b) => levels().some((l) => levelBand(l) === b));
    expect(expected.length).toBeGreaterThan(1); // the demo region pays secondary hospitals by DRG too
    expect(r.value).toEqual(expected);
  });

  it("sums a band's hospitals only, through the channel", async () => {
    for (const band of ['三级', '二级'] as const) {
      const r = (await dispatch('analysis.drg', { period: '2025', band }, ctx)) as { ok: true; value: DrgOverview };
      expect(r.ok).toBe(true);
      expect(r.value.hospitals.length).toBeGreaterThan(0);
      const levelOf = new Map(
        (session.db.conn.prepare('SELECT code, level FROM institutions').all() as { code: string; level: InstitutionLevel }[]).map((x) => [x.code, x.level]),
      );
      for (const h of r.value.hospitals) expect(levelBand(levelOf.get(h.institution)!), h.name).toBe(band);
      expect(r.value.hospitals.reduce((a, h) => a + h.totalCost, 0)).toBeCloseTo(costOf(band), 0);
    }
    // no band: tertiary, the summarized answer as before
    expect((await dispatch('analysis.drg', { period: '2025' }, ctx)) as unknown).toEqual({ ok: true, value: drgOverview(session.db, '2025') });
  });

  it('refuses a band that is not one', async () => {
    const r = (await dispatch('analysis.drg', { period: '2025', band: '四级' } as never, ctx)) as { ok: boolean };
    expect(r.ok).toBe(false);
  });
});
