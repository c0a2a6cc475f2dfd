// Executing a frozen draw with the seed produced at the meeting: v2 accepts only the seed in the
// shape its announcement declared (one spelling), keys the walk with the announcement's
// frozenHash, and writes a record that carries the announcement whole; v1 draws frozen before v2
// run as before. The result seats the members for a term, in the same transaction. A v2 announcement
// is re-checked against its published hash before anything is drawn from it.

import { termEnd, today } from '../../../shared/dates';
import type { DrawRecordView } from '../../../shared/domain/members';
import { canonicalSeed, MIN_SEED_CHARS, seedStrength, type Canonical } from '../../../shared/draw/canonical';
import { checkSeed } from '../../../shared/draw/seed-rule';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { getRow, inTransaction, run, type WritableDb } from '../db/connection';
import { personId } from '../pool/pool-service';
import {
  ALGORITHM,
  canonicalPool,
  canonicalRules,
  DrawInfeasible,
  infeasibility,
  poolProblems,
  recordHash,
  runDraw,
  type DrawRules,
  type FixedMember,
  type Pool,
  type Selected,
  type Step,
} from './algorithm';
import { ALGORITHM_V2, frozenHash, runDrawV2, type Announcement } from './announcement';
import { announcementBody, shapeProblems } from '../../../shared/draw/record-shape';
import { seatRows } from './verify';
import { drawRow, drawView, refused } from './draw-service';

const now = () => new Date().toISOString();

/**
 * The announcement of a frozen v2 draw, checked before it is drawn from: its shape is the published
 * one, it hashes to the frozenHash stored beside it, and that is the hash published when it was
 * frozen (the draw.freeze entry of the hash-chained audit log). An announcement edited in the
 * database after it was published is refused, with what to do.
 */
function frozenAnnouncement(db: WritableDb, id: number, stored: string, storedHash: string | null): Announcement {
  const edited = (why: string) =>
    new AppError(
      'INVALID_INPUT',
      `第 ${id} 号抽选公告在冻结后被改动，不能据此抽选：${why}。`,
      '请作废这次冻结（写明原因）并重新冻结、重新公布抽选公告；并查明数据库被改动的经过。',
    );
  let ann: unknown;
  try {
    ann = JSON.parse(stored);
  } catch {
    throw edited('公告内容不是有效的 JSON');
  }
  const shape = shapeProblems(announcementBody, ann, '抽选公告');
  if (shape.length) throw edited(shape.join('；'));
  const hash = frozenHash(ann as Announcement);
  if (hash !== storedHash) throw edited(`公告内容的哈希 ${hash} 与冻结时的公告哈希 ${storedHash ?? '（无）'} 不符`);
  const published = getRow<{ details: string }>(
    db,
    "SELECT details FROM audit_log WHERE action = 'draw.freeze' AND target = ? ORDER BY id DESC LIMIT 1",
    `draw#${id}`,
  );
  const publishedHash = published ? (JSON.parse(published.details) as { frozenHash?: string }).frozenHash : undefined;
  if (publishedHash !== hash) throw edited(`公告哈希与审计日志中冻结时公布的 ${publishedHash ?? '（无记录）'} 不符`);
  return ann as Announcement;
}

const infeasibleError = (reasons: string[]) =>
  new AppError('INVALID_INPUT', `成员库无法满足抽选规则，未进行抽选：${reasons.join('；')}。`, '请补充成员库推荐人选，或按实施细则调整规则后重新冻结。');

export function executeDraw(db: WritableDb, opts: { drawId: number; seed: string; witnesses: string[]; date?: string }, actor: string): DrawRecordView {
  const witnesses = opts.witnesses.map((w) => w.trim()).filter(Boolean);
  return refused(db, actor, `draw#${opts.drawId}`, 'execute', { seed: opts.seed, witnesses }, () => drawInTransaction(db, opts, witnesses, actor));
}

function drawInTransaction(db: WritableDb, opts: { drawId: number; seed: string; date?: string }, witnesses: string[], actor: string): DrawRecordView {
  return inTransaction(db, () => {
    const d = drawRow(db, opts.drawId);
    if (!d || d.status !== 'frozen') throw new AppError('INVALID_INPUT', '该抽选不处于“已冻结待抽选”状态。', '请重新冻结成员库后再抽选。');
    const ann = d.version === 2 && d.announcement ? frozenAnnouncement(db, opts.drawId, d.announcement, d.frozen_hash) : null;
    let seedCanonical: string;
    if (ann) {
      const c = checkSeed(opts.seed, ann.seedRule);
      if ('error' in c) throw new AppError('INVALID_INPUT', `${c.error}。`, `抽选公告规定的种子来源：${ann.seedRule.source}，${ann.seedRule.order}录入。`);
      seedCanonical = c.canonical;
    } else {
      seedCanonical = canonicalSeed(opts.seed);
      if (seedStrength(seedCanonical) < MIN_SEED_CHARS)
        throw new AppError(
          'INVALID_INPUT',
          `随机种子过短（有效字符 ${seedStrength(seedCanonical)} 个，至少 ${MIN_SEED_CHARS} 个）。`,
          '请使用现场公开产生的随机数，例如当期彩票开奖号码全部号码，或多名见证人各掷骰子若干次的结果。',
        );
    }
    if (witnesses.length < 2)
      throw new AppError('INVALID_INPUT', '请至少登记两名见证人（如纪检监察人员、医疗机构代表）。', '抽选应公开进行，接受纪检监察和社会监督。');
    // v2 draws from the announcement alone (its hash just checked), never from the draws row's copies
    const pool = (ann ? ann.pool : JSON.parse(d.pool)) as Pool;
    const rules = (ann ? ann.rules : JSON.parse(d.rules)) as DrawRules;
    const fixed = (ann ? ann.fixed : JSON.parse(d.fixed)) as FixedMember[];
    const reasons = [...poolProblems(pool), ...infeasibility(pool, rules, fixed)];
    if (reasons.length) throw infeasibleError(reasons);
    let outcome: { ranking: { institution: string; score: string }[]; steps: Step[]; result: Selected[] };
    try {
      outcome = ann ? runDrawV2(ann, seedCanonical) : runDraw({ pool, rules, seed: opts.seed, previousHash: d.previous_hash, fixed });
    } catch (e) {
      if (e instanceof DrawInfeasible) throw infeasibleError(e.reasons);
      throw e;
    }
    const result = seatRows(pool, outcome.result) as unknown as Canonical[];
    const drawnAt = now();
    const common = {
      witnesses,
      seed: { input: opts.seed, canonical: seedCanonical },
      ranking: outcome.ranking,
      steps: outcome.steps.map((s) => ({ ...s })) as Canonical,
      result,
    };
    let body: { [k: string]: Canonical };
    if (ann) {
      body = {
        format: 'liangjiadi-draw-record',
        version: 2,
        algorithm: ALGORITHM_V2,
        announcement: ann as unknown as Canonical,
        frozenHash: d.frozen_hash!,
        drawnAt,
        ...common,
      };
    } else {
      const ws = getRow<{ region_code: string; region_name: string }>(db, 'SELECT region_code, region_name FROM workspace WHERE id = 1')!;
      const replaces = d.replaces_member
        ? getRow<{ institution: string; id: number; left_reason: string }>(
            db,
            'SELECT p.institution, p.id, m.left_reason FROM members m JOIN pool_members p ON p.id = m.pool_member_id WHERE m.id = ?',
            d.replaces_member,
          )
        : undefined;
      body = {
        format: 'liangjiadi-draw-record',
        version: 1,
        algorithm: ALGORITHM,
        kind: d.kind,
        region: { code: ws.region_code, name: ws.region_name },
        frozenAt: d.frozen_at,
        drawnAt,
        rules: canonicalRules(rules),
        rulesHash: d.rules_hash,
        pool: canonicalPool(pool),
        poolHash: d.pool_hash,
        fixed: fixed.map((f) => ({ institution: f.institution, person: f.person })),
        previousHash: d.previous_hash,
        replaces: replaces ? { institution: replaces.institution, person: personId(replaces.id), reason: replaces.left_reason } : null,
        ...common,
      };
    }
    const hash = recordHash(body);
    run(
      db,
      "UPDATE draws SET status = 'drawn', record = ?, record_hash = ?, drawn_at = ? WHERE id = ?",
      JSON.stringify({ ...body, recordHash: hash }),
      hash,
      drawnAt,
      opts.drawId,
    );
    const start = opts.date ?? today();
    const end = termEnd(start, 1);
    for (const r of outcome.result)
      run(
        db,
        "INSERT INTO members (pool_member_id, draw_id, start_date, end_date, status) VALUES (?, ?, ?, ?, 'active')",
        Number(r.person.slice(1)),
        opts.drawId,
        start,
        end,
      );
    recordAudit(db, {
      actor,
      action: 'draw.execute',
      target: `draw#${opts.drawId}`,
      details: { recordHash: hash, seed: seedCanonical, witnesses, result: outcome.result.map((r) => ({ ...r })) },
    });
    return drawView(db, opts.drawId);
  });
}
