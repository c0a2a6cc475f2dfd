import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatValue } from '../../shared/format';
import type { PackPayload, SealedPack } from '../../shared/pack/payload';
import type { PackAnswer, PackBatchAnswer } from '../../shared/ipc/contracts/reports';
import type { ReportDoc } from '../../shared/reports/model';
import { hospitalView } from '../../electron/services/analysis/flags';
import { allRows } from '../../electron/services/db/connection';
import { openOrCreateDemo } from '../../electron/services/host/bootstrap';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import { trace } from '../../electron/services/reports/register';
import { unseal } from '../../electron/services/pack/seal';
import { makePackBatch } from '../../electron/services/pack/make-pack';

// 机构数据包 for a demo hospital: made through the channel (two-person control where it is
// enforced), opened with Node's WebCrypto and the password, its numbers checked against the hospital
// view, the 月告知 and the group rows, and the whole file and the payload scanned for anything of
// another institution.
const DEMO = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');
const FROM = '2025-01';
const TO = '2025-12';

const sealedOf = (html: string): SealedPack => JSON.parse(/<script type="application\/json" id="sealed">([^<]*)<\/script>/.exec(html)![1]!) as SealedPack;

describe('机构数据包', () => {
  let session: WorkspaceSession;
  let dir: string;
  let hospital: { code: string; name: string; level: string };
  const ctx = () => ({ session, actor: '数据包测试', progress: () => undefined });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await dispatch(channel, input, ctx());
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };
  let made: PackAnswer;
  let html: string;
  let payload: PackPayload;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liangjiadi-pack-'));
    session = new WorkspaceSession();
    await openOrCreateDemo(session, { workspacePath: join(dir, 'demo.ljd'), demoPackage: DEMO, actor: '数据包测试' });
    hospital = allRows<{ code: string; name: string; level: string }>(
      session.db,
      "SELECT code, name, level FROM institutions WHERE level = '三级' AND payment IN ('DRG', 'DIP') ORDER BY code",
    )[1]!;
    made = await call<PackAnswer>('reports.pack', { institution: hospital.code, from: FROM, to: TO, path: join(dir, 'pack.html') });
    html = readFileSync(made.record.path, 'utf8');
    payload = await unseal(sealedOf(html), made.password);
  });
  afterAll(() => {
    session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is one HTML file with a strict CSP, the export id readable without the password, registered, and opened only by its password', async () => {
    expect(made.password).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
    expect(html).toContain(`content="default-src 'none'; script-src 'sha256-`);
    // nothing that could load: no element with a source, no URL but the SVG namespace the charts are made in
    expect(html.match(/<(link|img|iframe|object|embed|base|audio|video|source)\b|\ssrc=|\shref=/gi)).toBeNull();
    expect(new Set(html.match(/https?:\/\/[^\s"'`)]+/g))).toEqual(new Set(['http://www.w3.org/2000/svg']));
    expect(html).toContain(`liangjiadi-export:${made.record.id}`);
    expect(made.record).toMatchObject({ type: '机构数据包', institution: hospital.code, format: 'html', period: `${FROM}~${TO}` });
    expect(existsSync(made.sheet.path)).toBe(true);
    await expect(unseal(sealedOf(html), 'WRONG-PASS-WORD-0000')).rejects.toThrow();
    expect(payload.exportId).toBe(made.record.id);
    expect(payload.months).toHaveLength(12);
    expect(statSync(made.record.path).size).toBeLessThan(3 * 1024 * 1024);
  });

  it('trace names the export from the file, and from a copy with its bytes changed (by the id in it)', async () => {
    expect((await trace(session.db, made.record.path)).record?.id).toBe(made.record.id);
    const copy = join(dir, 'copy.html');
    copyFileSync(made.record.path, copy);
    const bytes = readFileSync(copy, 'utf8').replace('<title>', '<title> ');
    writeFileSync(copy, bytes);
    expect(await trace(session.db, copy)).toMatchObject({ by: 'id', record: { id: made.record.id } });
  });

  it('the numbers equal the hospital view, the 月告知 of the same month and the group rows summed by hand', async () => {
    for (const month of [TO, '2025-06']) {
      const view = hospitalView(session.db, hospital.code, month);
      const notice = await call<ReportDoc>('reports.preview', { type: '月告知', period: month, institution: hospital.code });
      const table = notice.blocks.find((b) => b.kind === 'table' && b.title === '主要指标') as Extract<ReportDoc['blocks'][number], { kind: 'table' }>;
      expect(view.rows.length).toBeGreaterThan(10);
      for (const r of view.rows) {
        const pt = payload.indicators.find((i) => i.code === r.indicator)!.points.find((p) => p.period === month)!;
        expect([pt.value, pt.median, pt.p25, pt.p75, pt.region, pt.level]).toEqual([r.value, r.peerMedian, r.peerP25, r.peerP75, r.region, r.level]);
        const row = table.rows.find((x) => x[0] === r.indicatorName)!;
        expect(formatValue(pt.value, r.unit)).toBe(row[1]);
        expect(formatValue(pt.median, r.unit)).toBe(row[2]);
        expect(pt.rank === null ? '—' : `${pt.rank}/${pt.of}`).toBe(row[5]);
      }
    }
    // a group of the hospital: cases and cost per case from the rows; the region's mean over every hospital with the group
    const g = payload.drg.groups[0]!;
    const [mine] = allRows<{ cases: number; cost: number }>(
      session.db,
      'SELECT sum(cases) AS cases, sum(total_cost) AS cost FROM group_rows WHERE institution = ? AND group_code = ? AND period BETWEEN ? AND ? AND superseded_by IS NULL',
      hospital.code,
      g.code,
      FROM,
      TO,
    );
    expect(g.cases).toBe(mine!.cases);
    expect(g.costPerCase).toBeCloseTo(mine!.cost / mine!.cases, 6);
    const [all] = allRows<{ cases: number; cost: number; n: number }>(
      session.db,
      'SELECT sum(cases) AS cases, sum(total_cost) AS cost, count(DISTINCT institution) AS n FROM group_rows WHERE group_code = ? AND period BETWEEN ? AND ? AND superseded_by IS NULL',
      g.code,
      FROM,
      TO,
    );
    if (all!.n - 1 >= 3) expect(g.region?.costPerCase).toBeCloseTo(all!.cost / all!.cases, 6);
    else expect(g.region).toBeNull();
    expect(payload.notices.length).toBeGreaterThan(0);
    expect(JSON.stringify(payload.notices)).not.toContain('"kind":"chart"');
  });

  it('holds no other institution’s name, code or individual value, in the file or in the payload', () => {
    const others = allRows<{ code: string; name: string }>(session.db, 'SELECT code, name FROM institutions WHERE code <> ?', hospital.code);
    const text = JSON.stringify(payload);
    for (const o of others) {
      for (const where of [html, text]) {
        expect(where.includes(o.code), o.code).toBe(false);
        if (!hospital.name.includes(o.name)) expect(where.includes(o.name), o.name).toBe(false);
      }
    }
    // every number of the payload that is not an aggregate (median, quartiles, region) nor the
    // hospital's own: none equals a value of another institution of the range
    const theirs = new Set(
      allRows<{ value: number }>(
        session.db,
        "SELECT value FROM institution_values WHERE institution <> ? AND period BETWEEN '2024-01' AND ? AND superseded_by IS NULL AND value IS NOT NULL",
        hospital.code,
        TO,
      )
        .map((r) => r.value)
        .filter((v) => !Number.isInteger(v)),
    );
    const own = new Set(
      allRows<{ value: number }>(session.db, 'SELECT value FROM institution_values WHERE institution = ? AND value IS NOT NULL', hospital.code).map(
        (r) => r.value,
      ),
    );
    const AGGREGATE = new Set(['median', 'p25', 'p75', 'region', 'regionLastYear']);
    const leaks: string[] = [];
    // an aggregate's whole subtree is the region's; the DRG groups are the hospital's own rows summed
    // (their ratios of small counts, 15 bed days / 2 cases = 7.5, can equal another hospital's value by chance)
    const OWN_ROWS = new Set(['groups']);
    // a chart's drawing (a line's width 1.4) is not data, though another hospital's 除外支付 may be 1.4 万元
    const DRAWING = new Set(['width', 'opacity', 'symbolSize', 'fontSize']);
    const walk = (x: unknown, key: string) => {
      if (AGGREGATE.has(key) || OWN_ROWS.has(key) || DRAWING.has(key)) return;
      if (typeof x === 'number') {
        if (theirs.has(x) && !own.has(x)) leaks.push(`${key}=${x}`);
      } else if (Array.isArray(x)) x.forEach((y) => walk(y, key));
      else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, k);
    };
    walk(payload, '');
    expect(leaks).toEqual([]);
    expect(theirs.size).toBeGreaterThan(1000);
  });

  it('with rankings published by name, the level’s names appear (and only then)', async () => {
    expect(payload.rankingsByName).toBe(false);
    await call('settings.set', { ...(await call<object>('settings.get', {})), rankingsByName: true });
    try {
      const byName = await call<PackAnswer>('reports.pack', { institution: hospital.code, from: FROM, to: TO, path: join(dir, 'named.html') });
      const p = await unseal(sealedOf(readFileSync(byName.record.path, 'utf8')), byName.password);
      const level = allRows<{ name: string }>(session.db, 'SELECT name FROM institutions WHERE level = ? AND code <> ?', hospital.level, hospital.code);
      const text = JSON.stringify(p);
      expect(p.rankingsByName).toBe(true);
      expect(level.filter((l) => text.includes(l.name)).length).toBe(level.length);
    } finally {
      await call('settings.set', { ...(await call<object>('settings.get', {})), rankingsByName: false });
    }
  });

  it('is guarded by two-person control; the batch makes a pack per hospital of the level and one password sheet', async () => {
    await call('security.addReviewer', { name: '纪检 王某', password: '复核密码-2026' });
    await call('security.setTwoPerson', { enabled: true });
    const refused = await dispatch('reports.pack', { institution: hospital.code, from: FROM, to: TO, path: join(dir, 'x.html') }, ctx());
    expect(refused).toMatchObject({ ok: false, error: { code: 'TWO_PERSON_REQUIRED' } });
    const refusedBatch = await dispatch('reports.packBatch', { band: '三级', from: FROM, to: TO, dir: join(dir, 'batch') }, ctx());
    expect(refusedBatch).toMatchObject({ ok: false, error: { code: 'TWO_PERSON_REQUIRED' } });
    // the reviewer confirms that very call: the refusal's ticket (operation, input, workspace)
    const ticket = refusedBatch.ok ? undefined : (refusedBatch.error as { ticket?: string }).ticket;
    await call('security.confirm', { name: '纪检 王某', password: '复核密码-2026', ticket });
    const b = await call<PackBatchAnswer>('reports.packBatch', { band: '三级', from: FROM, to: TO, dir: join(dir, 'batch') });
    const tertiary = allRows<{ code: string }>(session.db, "SELECT code FROM institutions WHERE level = '三级'");
    expect(b.files.map((f) => f.institution).sort()).toEqual(tertiary.map((t) => t.code).sort());
    expect(b.files[0]!.record.actor).toBe('数据包测试（复核：纪检 王某）');
    expect(b.sheet?.format).toBe('pdf');
    expect(new Set(b.files.map((f) => f.record.id)).size).toBe(b.files.length);
  });

  it('a cancelled batch stops after the pack being written, and still writes the sheet for the packs made', async () => {
    const seen: string[] = [];
    const r = await makePackBatch(
      session.db,
      { band: '二级', from: '2025-10', to: TO, dir: join(dir, 'cancelled') },
      '数据包测试',
      (_done, _total, name) => seen.push(name),
      () => seen.length >= 2,
    );
    expect(r).toMatchObject({ cancelled: true });
    expect(r.files).toHaveLength(2);
    expect(r.total).toBeGreaterThan(2);
    expect(r.sheet?.fileName).toContain('2份');
  }, 60_000);
});
