// Draw integrity (issue 32): a verifier passes only what it has re-derived. A record whose names,
// bands, ranking scores or step reasons were changed (its recordHash recomputed) is refused, so is
// one with an unknown field, a duplicate key or a number written as 8.0 — by verify-draw (the app's
// service) and by the independent docs/verify_draw.py alike. The app re-checks a frozen
// announcement's hash before drawing (an announcement edited in the database is refused), and a
// freeze whose announcement would break its published schema (seats < 8) is refused with the reason.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, type Canonical } from '../../shared/draw/canonical';
import { ALGORITHM, canonicalPool, canonicalRules, DEFAULT_RULES, recordHash, runDraw } from '../../electron/services/draw/algorithm';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { exportDrawRecord } from '../../electron/services/draw/draw-service';
import { executeDraw } from '../../electron/services/draw/execute';
import { announcementJson, cancelDraw, freezeDraw } from '../../electron/services/draw/freeze';
import { seatRows, verifyRecord } from '../../electron/services/draw/verify';
import { randomPool } from '../helpers/pools';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import { exportDrawChain, verifyChain } from '../../electron/services/draw/chain';
import { getValue, type WritableDb } from '../../electron/services/db/connection';
import { ImportService } from '../../electron/services/import/import-service';
import { addPoolMember } from '../../electron/services/pool/pool-service';
import { frozenHash, type Announcement } from '../../electron/services/draw/announcement';

const ROOT = join(__dirname, '..', '..');
const DEMO_ZIP = join(ROOT, 'resources', 'demo', 'demo-region.zip');
const VERIFIER = join(ROOT, 'docs', 'verify_draw.py');
const RULE = { source: '福利彩票“双色球”2025年第130期开奖号码', count: 7, digits: 2, order: '按开奖顺序' };
const SEED = '03 11 17 24 29 31 05';

let db: WritableDb;
let dir: string;
let recordText: string;
let annText: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'liangjiadi-drawint-'));
  db = createWorkspace(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '示范市（虚拟数据）', actor: '测试' });
  const s = new ImportService();
  const r = await s.prepare(db, DEMO_ZIP);
  s.commit(db, r.token!, '测试');
  const insts = db.conn.prepare('SELECT code FROM institutions ORDER BY code').pluck().all() as string[];
  insts.forEach((code, n) => {
    if (n % 2 === 0) addPoolMember(db, { kind: 'hospital', institution: code, name: `院长${n}`, role: '院领导' }, '测试');
  });
  const frozen = freezeDraw(db, { kind: 'initial', seedRule: RULE }, '测试');
  annText = announcementJson(db, frozen.id);
  executeDraw(db, { drawId: frozen.id, seed: SEED, witnesses: ['纪检组 张某', '医院代表 李某'] }, '测试');
  exportDrawRecord(db, frozen.id, join(dir, 'record.json'), '测试');
  recordText = readFileSync(join(dir, 'record.json'), 'utf8');
});
afterAll(() => {
  db.conn.close();
  rmSync(dir, { recursive: true, force: true });
});

type Rec = Record<string, Canonical> & { result: Record<string, string>[]; ranking: Record<string, string>[]; steps: Record<string, string>[] };

/** the record changed by `edit`, its recordHash recomputed so that only the re-derivation can catch it */
function tampered(edit: (r: Rec) => void): string {
  const r = JSON.parse(recordText) as Rec;
  edit(r);
  const { recordHash: _old, ...body } = r;
  return JSON.stringify({ ...body, recordHash: recordHash(body as Canonical) }, null, 2);
}

function python(text: string, ann?: string): { code: number | null; out: string } {
  const f = join(dir, `t-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(f, text);
  const args = [VERIFIER, f];
  if (ann !== undefined) {
    const a = join(dir, `a-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(a, ann);
    args.push(a);
  }
  const r = spawnSync('python3', args, { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('both verifiers re-derive the whole record', () => {
  it('pass the record as exported', () => {
    expect(verifyRecord(recordText, annText)).toMatchObject({ ok: true, problems: [] });
    expect(python(recordText, annText).code).toBe(0);
  });

  const cases: [string, (r: Rec) => void, RegExp][] = [
    ['a seated person’s name', (r) => (r.result[0]!.name = '冒名者'), /第 1 名的姓名不符/],
    ['an institution’s name', (r) => (r.result[1]!.institutionName = '某某医院'), /第 2 名的机构名称不符/],
    ['a band', (r) => (r.result[0]!.band = r.result[0]!.band === '三级' ? '二级' : '三级'), /第 1 名的级别不符/],
    ['a role', (r) => (r.result[2]!.role = '院长'), /第 3 名的职务不符/],
    ['a ranking score', (r) => (r.ranking[0]!.score = 'f'.repeat(64)), /排序分数（ranking）第 1 项不符/],
    ['a step’s reason', (r) => (r.steps[0]!.reason = '院长指定'), /第 1 步不符/],
    ['an unknown field', (r) => ((r as Record<string, Canonical>).note = '另有安排'), /公布格式之外的字段：note/],
    ['an unknown field in a seat', (r) => (r.result[0]!.extra = 'x'), /公布格式之外的字段：result\[0\] 中的 extra/],
  ];
  for (const [what, edit, message] of cases)
    it(`refuse a record whose ${what} was changed (recordHash recomputed)`, () => {
      const text = tampered(edit);
      const app = verifyRecord(text);
      expect(app.ok).toBe(false);
      expect(app.problems.join('\n')).toMatch(message);
      expect(app.result).toEqual([]);
      const py = python(text);
      expect(py.code, py.out).toBe(1);
      expect(py.out).toMatch(message);
      expect(py.out).not.toContain('复核通过');
    });

  it('verify a v1 record (drawn from its own pool) the same way', () => {
    const pool = randomPool(77);
    const rules = DEFAULT_RULES;
    const out = runDraw({ pool, rules, seed: 'ABC 123456 789', previousHash: '', fixed: [] });
    const body = {
      format: 'liangjiadi-draw-record',
      version: 1,
      algorithm: ALGORITHM,
      kind: 'initial',
      region: { code: '990100', name: '示范市' },
      frozenAt: '2026-01-05T02:00:00.000Z',
      drawnAt: '2026-01-06T02:00:00.000Z',
      witnesses: ['甲', '乙'],
      rules: canonicalRules(rules),
      rulesHash: out.rulesHash,
      pool: canonicalPool(pool),
      poolHash: out.poolHash,
      fixed: [],
      previousHash: '',
      replaces: null,
      seed: { input: 'ABC 123456 789', canonical: out.seedCanonical },
      ranking: out.ranking,
      steps: out.steps.map((x) => ({ ...x })),
      result: seatRows(pool, out.result),
    } as unknown as Record<string, Canonical>;
    const text = JSON.stringify({ ...body, recordHash: recordHash(body) });
    expect(verifyRecord(text)).toMatchObject({ ok: true, problems: [] });
    const ok = python(text);
    expect(ok.code, ok.out).toBe(0);
    const r = JSON.parse(text) as Rec;
    r.result[0]!.name = '冒名者';
    const { recordHash: _h, ...b } = r;
    const bad = JSON.stringify({ ...b, recordHash: recordHash(b as Canonical) });
    expect(verifyRecord(bad).problems.join()).toMatch(/第 1 名的姓名不符/);
    expect(python(bad).out).toMatch(/第 1 名的姓名不符/);
  });

  it('refuse a duplicate key: the first and the last value would be two different records to two readers', () => {
    const r = JSON.parse(recordText) as Rec;
    const name = r.result[0]!.name!;
    const text = recordText.replace(`"name": ${JSON.stringify(name)}`, `"name": ${JSON.stringify(name)},\n      "name": "冒名者"`);
    expect(text).not.toBe(recordText);
    expect(verifyRecord(text).problems.join()).toMatch(/键“name”重复出现/);
    const py = python(text);
    expect(py.code).toBe(1);
    expect(py.out).toMatch(/键“name”重复出现/);
  });

  it('refuse numbers that are not canonical integers (8.0, 8e0, -0 in the announcement)', () => {
    for (const [from, to] of <[string, string][]>[
      ['"seats": 8', '"seats": 8.0'],
      ['"seats": 8', '"seats": 8e0'],
      ['"pharmacySeats": 0', '"pharmacySeats": -0'],
    ]) {
      const text = recordText.replace(from, to);
      expect(text, to).not.toBe(recordText);
      expect(verifyRecord(text).problems.join(), to).toMatch(/不是规范的整数写法/);
      const py = python(text);
      expect(py.code, to).toBe(1);
      expect(py.out, to).toMatch(/不是规范的整数写法/);
    }
  });

  it('refuse an announcement file with an unknown field, even with its frozenHash recomputed', () => {
    const a = JSON.parse(annText) as Record<string, Canonical>;
    const { frozenHash: _f, ...body } = a;
    const extra = { ...body, 抽选说明: '院长已同意' };
    const text = JSON.stringify({ ...extra, frozenHash: frozenHash(extra as unknown as Announcement) });
    expect(verifyRecord(recordText, text).problems.join()).toMatch(/抽选公告文件含有公布格式之外的字段：抽选说明/);
    expect(python(recordText, text).out).toMatch(/抽选公告文件含有公布格式之外的字段：抽选说明/);
  });
});

describe('the app draws only from the announcement it published', () => {
  const refreeze = () => {
    // the drawn members leave the stage for this test: a fresh initial draw needs no sitting hospital members
    db.conn.prepare("UPDATE members SET status = 'left', left_at = '2026-01-01', left_reason = '测试' WHERE status = 'active'").run();
    return freezeDraw(db, { kind: 'initial', seedRule: RULE }, '测试');
  };

  it('refuses an announcement edited in the database, even with its stored hash recomputed', () => {
    const f = refreeze();
    const original = getValue<string>(db, 'SELECT announcement FROM draws WHERE id = ?', f.id)!;
    const stored = JSON.parse(original) as Announcement & {
      pool: { institutions: { name: string; people: { name: string }[] }[] };
    };
    const person = stored.pool.institutions.find((i) => i.people.length)!.people[0]!;
    person.name = '冒名者';
    // the insider edits the announcement and recomputes frozen_hash beside it
    db.conn.prepare('UPDATE draws SET announcement = ?, frozen_hash = ? WHERE id = ?').run(JSON.stringify(stored), frozenHash(stored), f.id);
    expect(() => executeDraw(db, { drawId: f.id, seed: SEED, witnesses: ['甲', '乙'] }, '测试')).toThrow(/在冻结后被改动.*审计日志中冻结时公布的/);
    // only the announcement edited: its hash no longer matches (and it is not exported under the old hash)
    db.conn.prepare('UPDATE draws SET frozen_hash = ? WHERE id = ?').run(f.frozenHash, f.id);
    expect(() => executeDraw(db, { drawId: f.id, seed: SEED, witnesses: ['甲', '乙'] }, '测试')).toThrow(/在冻结后被改动.*与冻结时的公告哈希/);
    expect(() => announcementJson(db, f.id)).toThrow(/在冻结后被改动，不能导出/);
    // each refusal is on the audit log, with its reason and the seed tried
    const logged = db.conn
      .prepare("SELECT details FROM audit_log WHERE action = 'draw.refused' AND target = ? ORDER BY id")
      .pluck()
      .all(`draw#${f.id}`) as string[];
    expect(logged).toHaveLength(2);
    expect(JSON.parse(logged[0]!)).toMatchObject({ stage: 'execute', seed: SEED, reason: expect.stringMatching(/审计日志中冻结时公布的/) });
    expect(getValue<string>(db, 'SELECT status FROM draws WHERE id = ?', f.id)).toBe('frozen');
    db.conn.prepare('UPDATE draws SET announcement = ? WHERE id = ?').run(original, f.id);
    cancelDraw(db, f.id, '测试：公告被改动', '测试');
  });

  it('refuses to freeze rules the published schema does not allow (seats < 8), writing nothing', () => {
    const rules = getValue<string>(db, 'SELECT rules FROM draw_rules WHERE id = 1') ?? '{}';
    // the insider's sqlite3 shell: setRules refuses fewer than 8 seats, the table does not
    db.conn
      .prepare("INSERT OR REPLACE INTO draw_rules (id, rules, updated_at) VALUES (1, ?, '2026-01-01T00:00:00.000Z')")
      .run(JSON.stringify({ ...JSON.parse(rules), seats: 7 }));
    const before = getValue<number>(db, 'SELECT count(*) FROM draws');
    expect(() => refreeze()).toThrow(/医院代表席位为 7 名，少于 8 名/);
    expect(getValue<number>(db, 'SELECT count(*) FROM draws')).toBe(before);
    const refusal = db.conn.prepare("SELECT details FROM audit_log WHERE action = 'draw.refused' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(refusal)).toMatchObject({ stage: 'freeze', reason: expect.stringMatching(/少于 8 名/) });
    db.conn.prepare("INSERT OR REPLACE INTO draw_rules (id, rules, updated_at) VALUES (1, ?, '2026-01-01T00:00:00.000Z')").run(rules);
    expect(canonicalJson(refreeze().infeasible)).toBe('[]');
  });
});

describe('the draw chain, cancelled freezes included, is published and checked from the files alone', () => {
  type Chain = { entries: { number: number; status: string; cancellation: Record<string, Canonical> | null }[] };
  const pythonChain = (text: string) => {
    const f = join(dir, `chain-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(f, text);
    const r = spawnSync('python3', [VERIFIER, '--chain', f], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout + r.stderr };
  };

  it('exports every freeze with its cancellation or record; both verifiers follow previousHash and find a removed or edited entry', async () => {
    const frozen = getValue<number>(db, "SELECT id FROM draws WHERE status = 'frozen'")!;
    executeDraw(db, { drawId: frozen, seed: SEED, witnesses: ['甲', '乙'] }, '测试');
    const { entries } = exportDrawChain(db, join(dir, 'chain.json'), '测试');
    const text = readFileSync(join(dir, 'chain.json'), 'utf8');
    const chain = JSON.parse(text) as Chain;
    expect(entries).toBe(chain.entries.length);
    expect(chain.entries.map((e) => e.status)).toContain('cancelled');
    expect(verifyChain(text)).toMatchObject({ ok: true, problems: [] });
    const ok = pythonChain(text);
    expect(ok.code, ok.out).toBe(0);

    // the cancelled freeze left out: the next announcement's previousHash names it
    const cut = { ...chain, entries: chain.entries.filter((e) => e.status !== 'cancelled') };
    expect(verifyChain(JSON.stringify(cut)).problems.join()).toMatch(/previousHash.*不是链上前一条的哈希/);
    expect(pythonChain(JSON.stringify(cut)).out).toMatch(/previousHash.*不是链上前一条的哈希/);

    // the app's 复核 button (channel draw.verify) takes the chain file too
    const ctx = { session: new WorkspaceSession(), actor: '测试', progress: () => undefined };
    await expect(dispatch('draw.verify', { path: join(dir, 'chain.json') }, ctx)).resolves.toMatchObject({ ok: true, value: { ok: true } });
    writeFileSync(join(dir, 'cut.json'), JSON.stringify(cut));
    await expect(dispatch('draw.verify', { path: join(dir, 'cut.json') }, ctx)).resolves.toMatchObject({ ok: true, value: { ok: false } });

    // its reason rewritten: the cancellation's hash no longer matches
    const edited = JSON.parse(text) as Chain;
    edited.entries.find((e) => e.cancellation)!.cancellation!.reason = '正常作废';
    expect(verifyChain(JSON.stringify(edited)).problems.join()).toMatch(/cancellationHash 与其内容不符/);
    expect(pythonChain(JSON.stringify(edited)).out).toMatch(/cancellationHash 与其内容不符/);
  });
});
