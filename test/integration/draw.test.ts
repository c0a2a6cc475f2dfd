import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv/dist/2020';
import { beforeEach, describe, expect, it } from 'vitest';
import type { WritableDb } from '../../electron/services/db/connection';
import { ImportService } from '../../electron/services/import/import-service';
import { termEnd } from '../../shared/dates';
import { exportDrawRecord, getTypes, setRules } from '../../electron/services/draw/draw-service';
import { controlledType, INSTITUTION_TYPES } from '../../shared/draw/institution-types';
import { executeDraw } from '../../electron/services/draw/execute';
import { announcementJson, cancelDraw, freezeDraw } from '../../electron/services/draw/freeze';
import { appointBureauMember, extendTerm, listMembers } from '../../electron/services/members/members-service';
import { addPoolMember, listPool, setEligibility } from '../../electron/services/pool/pool-service';
import { importPool } from '../../electron/services/pool/pool-import';
import { verifyRecord } from '../../electron/services/draw/verify';
import { verifyAuditChain } from '../../electron/services/audit/audit';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { toCsv } from '../../electron/services/package/write-package';
import { tempDir } from '../helpers/temp';

const ROOT = join(__dirname, '..', '..');
const DEMO_ZIP = join(ROOT, 'resources', 'demo', 'demo-region.zip');
const VERIFIER = join(ROOT, 'docs', 'verify_draw.py');
/** declared in the announcement, before the seed exists: seven two-digit numbers */
const RULE = { source: '福利彩票“双色球”2025年第130期开奖号码', count: 7, digits: 2, order: '按开奖顺序，红球在前、蓝球在后' };

let db: WritableDb;
let dir: string;

beforeEach(async () => {
  dir = tempDir();
  db = createWorkspace(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '示范市（虚拟数据）', actor: '测试' });
  const s = new ImportService();
  const r = await s.prepare(db, DEMO_ZIP);
  s.commit(db, r.token!, '测试');
});

/** Two recommended people from every other institution of the demo region, plus bureau staff. */
function fillPool() {
  const insts = db.conn.prepare('SELECT code, name FROM institutions ORDER BY code').all() as { code: string; name: string }[];
  insts.forEach((i, n) => {
    if (n % 2) return;
    addPoolMember(db, { kind: 'hospital', institution: i.code, name: `院长${n}`, role: '院领导' }, '测试');
    if (n % 4 === 0) addPoolMember(db, { kind: 'hospital', institution: i.code, name: `医保办主任${n}`, role: '医保办' }, '测试');
  });
  for (const role of ['医药管理', '规划财务', '医保经办', '数据管理'])
    addPoolMember(db, { kind: 'bureau', institution: null, name: `${role}处长`, role }, '测试');
}

describe('member pool', () => {
  it('accepts at most two people per institution and requires a known institution', () => {
    const code = (db.conn.prepare('SELECT code FROM institutions LIMIT 1').pluck().get() as string)!;
    addPoolMember(db, { kind: 'hospital', institution: code, name: '甲', role: '院领导' }, '测试');
    addPoolMember(db, { kind: 'hospital', institution: code, name: '乙', role: '财务' }, '测试');
    expect(() => addPoolMember(db, { kind: 'hospital', institution: code, name: '丙', role: '医保办' }, '测试')).toThrow(/至多推荐2人/);
    expect(() => addPoolMember(db, { kind: 'hospital', institution: 'NOPE', name: '丁', role: '院领导' }, '测试')).toThrow(/不在机构名单中/);
    const p = listPool(db)[0]!;
    expect(() => setEligibility(db, p.id, false, ' ', '测试')).toThrow(/须说明原因/);
    expect(setEligibility(db, p.id, false, '第三方运维单位人员', '测试')).toMatchObject({ eligible: false, ineligibleReason: '第三方运维单位人员' });
  });

  it('imports the recommendation sheet in one transaction, naming bad rows', async () => {
    const codes = db.conn.prepare('SELECT code FROM institutions ORDER BY code LIMIT 3').pluck().all() as string[];
    const good = join(dir, 'pool.csv');
    writeFileSync(
      good,
      toCsv(
        ['类别', '机构编码', '机构名称', '姓名', '职务', '职称'],
        [
          ['医院', codes[0]!, '', '张三', '院领导', '主任医师'],
          ['医院', codes[1]!, '', '李四', '医保办', ''],
          ['医保部门', '', '', '王五', '数据管理', ''],
        ],
      ),
    );
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      toCsv(
        ['类别', '机构编码', '机构名称', '姓名', '职务'],
        [
          ['医院', codes[2]!, '', '赵六', '院领导'],
          ['医院', 'H-NOPE', '', '钱七', '院领导'],
        ],
      ),
    );
    const r1 = await importPool(db, bad, '测试');
    expect(r1.added).toBe(0);
    expect(r1.errors[0]).toMatchObject({ file: 'bad.csv', row: 3, column: 'B', value: 'H-NOPE' });
    expect(listPool(db)).toHaveLength(0);
    expect((await importPool(db, good, '测试')).added).toBe(3);
    expect(
      listPool(db)
        .map((p) => p.name)
        .sort(),
    ).toEqual(['张三', '李四', '王五']);
  });
});

describe('the draw, end to end', () => {
  it('freezes, draws with the witnesses’ seed, seats members for a year, and the record verifies in both languages', () => {
    fillPool();
    const ineligible = listPool(db).find((p) => p.kind === 'hospital')!;
    setEligibility(db, ineligible.id, false, '任期已满', '测试');
    const frozen = freezeDraw(db, { kind: 'initial', seedRule: RULE }, '测试');
    expect(frozen.infeasible).toEqual([]);
    expect(frozen.poolHash).toMatch(/^[0-9a-f]{64}$/);
    expect(() => executeDraw(db, { drawId: frozen.id, seed: '12 3', witnesses: ['甲', '乙'] }, '测试')).toThrow(/应为7 个号码、每个 2 位数字/);
    // one spelling only: 3 is not 03
    expect(() => executeDraw(db, { drawId: frozen.id, seed: '3 11 17 24 29 31 05', witnesses: ['甲', '乙'] }, '测试')).toThrow(/“3”不是 2 位数字/);
    expect(() => executeDraw(db, { drawId: frozen.id, seed: '03 11 17 24 29 31 05', witnesses: ['甲'] }, '测试')).toThrow(/两名见证人/);
    const rec = executeDraw(db, { drawId: frozen.id, seed: '03 11 17 24 29 31 05', witnesses: ['纪检组 张某', '医院代表 李某'], date: '2026-01-10' }, '测试');
    expect(rec.status).toBe('drawn');
    expect(rec.result).toHaveLength(8);
    expect(rec.result.map((r) => r.person)).not.toContain(`M${String(ineligible.id).padStart(5, '0')}`);
    const bands = rec.result.map((r) => r.band);
    expect(bands.filter((b) => b === '三级').length).toBeGreaterThanOrEqual(2);
    expect(bands.filter((b) => b === '二级').length).toBeGreaterThanOrEqual(3);
    expect(bands.filter((b) => b === '一级及基层').length).toBeGreaterThanOrEqual(3);
    const members = listMembers(db, '2026-01-10');
    expect(members.filter((m) => m.status === 'active')).toHaveLength(8);
    expect(members[0]).toMatchObject({ startDate: '2026-01-10', endDate: '2027-01-09', endingSoon: false });
    expect(listMembers(db, '2026-12-20')[0]!.endingSoon).toBe(true);

    const file = join(dir, '抽选记录.json');
    exportDrawRecord(db, frozen.id, file, '测试');
    expect(verifyRecord(readFileSync(file, 'utf8'))).toMatchObject({ ok: true, problems: [] });
    // the record has the published shape (docs/draw-record.schema.json)
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'docs', 'draw-record.schema.json'), 'utf8')));
    expect(validate(JSON.parse(readFileSync(file, 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
    expect(execFileSync('python3', [VERIFIER, file], { encoding: 'utf8' })).toContain('复核通过');
    // any change to the record is detected
    const tampered = JSON.parse(readFileSync(file, 'utf8'));
    // another person than the one drawn first (the key binds frozenAt, so who is drawn varies between runs)
    const people = tampered.announcement.pool.institutions.flatMap((i: { people: { id: string }[] }) => i.people.map((p) => p.id)) as string[];
    tampered.result[0].person = people.find((id) => id !== tampered.result[0].person);
    const t = join(dir, 'tampered.json');
    writeFileSync(t, JSON.stringify(tampered));
    expect(verifyRecord(readFileSync(t, 'utf8')).ok).toBe(false);
    expect(spawnSync('python3', [VERIFIER, t]).status).toBe(1);
    expect(verifyAuditChain(db).ok).toBe(true);

    // the announcement published before the seed: the record matches it, in both languages,
    // probabilities re-simulated too; an announcement edited afterwards is caught
    const ann = join(dir, '抽选公告.json');
    writeFileSync(ann, announcementJson(db, frozen.id));
    expect(verifyRecord(readFileSync(file, 'utf8'), readFileSync(ann, 'utf8'))).toMatchObject({ ok: true, problems: [] });
    expect(execFileSync('python3', [VERIFIER, '--probabilities', file, ann], { encoding: 'utf8' })).toContain('复核通过');
    const edited = JSON.parse(readFileSync(ann, 'utf8'));
    edited.seedRule.digits = 1;
    writeFileSync(ann, JSON.stringify(edited));
    expect(verifyRecord(readFileSync(file, 'utf8'), readFileSync(ann, 'utf8')).problems).toContain('抽选公告文件的 frozenHash 与其内容不符（公告被改动）');
    const py = spawnSync('python3', [VERIFIER, file, ann], { encoding: 'utf8' });
    expect(py.status).toBe(1);
    expect(py.stdout).toContain('公告被改动');
  });

  it('publishes the seed rule, the odds and the attempt before the seed; a cancelled freeze stays on the chain', () => {
    fillPool();
    expect(() => freezeDraw(db, { kind: 'initial', seedRule: { ...RULE, count: 4 } }, '测试')).toThrow(/少于 10 位/);
    expect(() => freezeDraw(db, { kind: 'initial', seedRule: { ...RULE, source: ' ' } }, '测试')).toThrow(/公开来源/);
    // the simulated draws report how far along they are (shown while a large pool freezes)
    const seen: [number, number][] = [];
    const f1 = freezeDraw(db, { kind: 'initial', seedRule: RULE }, '测试', (done, total) => seen.push([done, total]));
    expect(seen).toEqual(Array.from({ length: 20 }, (_, k) => [(k + 1) * 50, 1000]));
    expect(f1).toMatchObject({ attempt: 1, previousHash: '', seedRule: RULE });
    // the odds add up to the seats (in 1/10,000, rounding aside) and are estimated before the seed
    const total = f1.probabilities.reduce((a, p) => a + p.perTenThousand, 0);
    expect(Math.abs(total - 8 * 10000)).toBeLessThanOrEqual(f1.probabilities.length);
    expect(f1.probabilities[0]!.perTenThousand).toBeGreaterThan(f1.probabilities.at(-1)!.perTenThousand);
    // cancelled with its reason: a chain entry the next announcement points to
    expect(() => cancelDraw(db, f1.id, ' ', '测试')).toThrow(/作废的原因/);
    cancelDraw(db, f1.id, '成员库有误，需更正后重新冻结', '测试');
    const cancelled = db.conn.prepare('SELECT record, record_hash FROM draws WHERE id = ?').get(f1.id) as { record: string; record_hash: string };
    expect(JSON.parse(cancelled.record)).toMatchObject({
      format: 'liangjiadi-draw-cancellation',
      frozenHash: f1.frozenHash,
      reason: '成员库有误，需更正后重新冻结',
    });
    const f2 = freezeDraw(db, { kind: 'initial', seedRule: RULE }, '测试');
    expect(f2).toMatchObject({ attempt: 2, previousHash: cancelled.record_hash });
    // re-freezing while frozen cancels the earlier freeze on the chain too
    const f3 = freezeDraw(db, { kind: 'initial', seedRule: RULE }, '测试');
    expect(f3.attempt).toBe(3);
    expect(db.conn.prepare('SELECT cancel_reason FROM draws WHERE id = ?').pluck().get(f2.id)).toContain('重新冻结');
    const rec = executeDraw(db, { drawId: f3.id, seed: '03 11 17 24 29 31 05', witnesses: ['甲', '乙'] }, '测试');
    expect(rec).toMatchObject({ attempt: 3, version: 2, frozenHash: f3.frozenHash });
    expect(() => cancelDraw(db, f3.id, '不想要这个结果', '测试')).toThrow(/只能作废尚未抽选/);
  });

  it('replaces a member who leaves by a new draw linked to the previous record', () => {
    fillPool();
    const f1 = freezeDraw(db, { kind: 'initial', seedRule: RULE }, '测试');
    const r1 = executeDraw(db, { drawId: f1.id, seed: '11 22 33 04 15 26 07', witnesses: ['甲', '乙'], date: '2026-01-10' }, '测试');
    expect(() => freezeDraw(db, { kind: 'initial', seedRule: RULE }, '测试')).toThrow(/不能重新抽选/);
    const leaver = listMembers(db, '2026-03-01').find((m) => m.status === 'active')!;
    const f2 = freezeDraw(db, { kind: 'replacement', replacesMemberId: leaver.id, leaveReason: '工作调动', date: '2026-03-01', seedRule: RULE }, '测试');
    expect(f2.previousHash).toBe(r1.recordHash);
    expect(f2.frozenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(f2.replaces?.name).toBe(leaver.name);
    const r2 = executeDraw(db, { drawId: f2.id, seed: '09 18 27 30 02 13 16', witnesses: ['甲', '乙'], date: '2026-03-01' }, '测试');
    expect(r2.result).toHaveLength(1);
    expect(r2.result[0]!.name).not.toBe(leaver.name);
    const active = listMembers(db, '2026-03-01').filter((m) => m.status === 'active');
    expect(active).toHaveLength(8);
    expect(new Set(active.map((m) => m.institution)).size).toBe(8);
    expect(listMembers(db).find((m) => m.id === leaver.id)).toMatchObject({ status: 'left', leftReason: '工作调动' });
    const file = join(dir, 'r2.json');
    exportDrawRecord(db, f2.id, file, '测试');
    expect(JSON.parse(readFileSync(file, 'utf8')).announcement.previousHash).toBe(r1.recordHash);
    expect(JSON.parse(readFileSync(file, 'utf8')).announcement.replaces).toMatchObject({ reason: '工作调动' });
    expect(execFileSync('python3', [VERIFIER, file], { encoding: 'utf8' })).toContain('复核通过');
  });

  it('refuses to draw when the pool cannot meet the rules, saying exactly why', () => {
    const tertiary = db.conn.prepare("SELECT code, name FROM institutions WHERE level = '三级' ORDER BY code LIMIT 1").get() as { code: string; name: string };
    addPoolMember(db, { kind: 'hospital', institution: tertiary.code, name: '甲', role: '院领导' }, '测试');
    for (const code of db.conn
      .prepare("SELECT code FROM institutions WHERE level IN ('二级', '一级', '基层') ORDER BY code LIMIT 10")
      .pluck()
      .all() as string[])
      addPoolMember(db, { kind: 'hospital', institution: code, name: `代表${code}`, role: '院领导' }, '测试');
    const f = freezeDraw(db, { kind: 'initial', seedRule: RULE }, '测试');
    expect(f.infeasible).toContain(`三级医院至少2名，成员库中符合条件的三级医院仅1家：${tertiary.name}`);
    expect(() => executeDraw(db, { drawId: f.id, seed: '03 11 17 24 29 31 05', witnesses: ['甲', '乙'] }, '测试')).toThrow(/无法满足抽选规则/);
    expect(listMembers(db)).toHaveLength(0);
  });

  it('keeps terms within two years and appoints bureau members', () => {
    fillPool();
    const f = freezeDraw(db, { kind: 'initial', seedRule: RULE }, '测试');
    executeDraw(db, { drawId: f.id, seed: '11 22 33 04 15 26 07', witnesses: ['甲', '乙'], date: '2026-01-10' }, '测试');
    const m = listMembers(db).find((x) => x.status === 'active')!;
    expect(extendTerm(db, m.id, '2028-01-09', '测试').endDate).toBe('2028-01-09');
    expect(() => extendTerm(db, m.id, '2028-01-10', '测试')).toThrow(/最长不超过2年/);
    const bureau = listPool(db).find((p) => p.kind === 'bureau')!;
    expect(appointBureauMember(db, bureau.id, '2026-01-10', '测试')).toMatchObject({ kind: 'bureau', status: 'active', drawId: null });
    const hospitalPerson = listPool(db).find((p) => p.kind === 'hospital' && !p.sitting)!;
    expect(() => appointBureauMember(db, hospitalPerson.id, '2026-01-10', '测试')).toThrow(/须经抽选产生/);
    expect(termEnd('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('validates the rules', () => {
    expect(() => setRules(db, { seats: 7, minimums: { 三级: 2, 二级: 3, 一级及基层: 3 }, coverTypes: true, pharmacySeats: 0 }, '测试')).toThrow(/不少于8名/);
    expect(() => setRules(db, { seats: 8, minimums: { 三级: 3, 二级: 3, 一级及基层: 3 }, coverTypes: true, pharmacySeats: 0 }, '测试')).toThrow(/超过席位数/);
    expect(setRules(db, { seats: 9, minimums: { 三级: 2, 二级: 3, 一级及基层: 3 }, coverTypes: false, pharmacySeats: 1 }, '测试').seats).toBe(9);
  });

  it('controls institution types: labels off the list count as listed, additions only between terms', () => {
    expect(controlledType('中西医结合', INSTITUTION_TYPES)).toBe('中医');
    expect(controlledType('精神专科', INSTITUTION_TYPES)).toBe('其他');
    setRules(db, { seats: 8, minimums: { 三级: 2, 二级: 3, 一级及基层: 3 }, coverTypes: true, pharmacySeats: 0, types: ['精神专科'] }, '测试');
    expect(getTypes(db)).toContain('精神专科');
    expect(controlledType('精神专科', getTypes(db))).toBe('精神专科');
    fillPool();
    const f = freezeDraw(db, { kind: 'initial', seedRule: RULE }, '测试');
    // every type in the frozen pool is on the list
    const pool = JSON.parse(db.conn.prepare('SELECT pool FROM draws WHERE id = ?').pluck().get(f.id) as string) as {
      institutions: { type: string; kind: string }[];
    };
    for (const i of pool.institutions.filter((x) => x.kind === 'hospital')) expect(getTypes(db)).toContain(i.type);
    executeDraw(db, { drawId: f.id, seed: '11 22 33 04 15 26 07', witnesses: ['甲', '乙'] }, '测试');
    expect(() =>
      setRules(db, { seats: 8, minimums: { 三级: 2, 二级: 3, 一级及基层: 3 }, coverTypes: true, pharmacySeats: 0, types: ['康复'] }, '测试'),
    ).toThrow(/本届任期内不能修改机构类型/);
    // the other rules can still be saved, the list unchanged
    setRules(db, { seats: 8, minimums: { 三级: 2, 二级: 3, 一级及基层: 3 }, coverTypes: true, pharmacySeats: 0, types: ['精神专科'] }, '测试');
  });
});
