// The performance evaluation service: the region's scheme, scoring the hospitals of a period with
// the same values the charts show, publishing a ranking (scheme and results stored together), and
// reproducing a published ranking from its stored scheme. A period is a month, a quarter, a
// half-year or a year (period-values.ts aggregates the months).

import { AppError } from '../../../shared/errors';
import { DEFAULT_SCHEME, schemeProblems, upgradeScheme, type Scheme } from '../../../shared/evaluation/scheme';
import { scoreHospitals, type HospitalScore, type PublishedRanking } from '../../../shared/evaluation/score';
import { formatPeriodZh } from '../../../shared/period';
import { recordAudit } from '../audit/audit';
import { allRows, getRow, inTransaction, run, type ReadableDb, type WritableDb } from '../db/connection';
import { loadIndicators } from '../catalog/catalog';
import { assertPeriodHasData } from '../data/holdings';
import { evaluationValues } from './period-values';

export { evaluationValues } from './period-values';

export function getScheme(db: ReadableDb): Scheme {
  const r = getRow<{ scheme: string }>(db, 'SELECT scheme FROM evaluation_scheme WHERE id = 1');
  // a scheme saved before items had a scope gets each indicator's default scope (scheme.ts)
  return r ? upgradeScheme(JSON.parse(r.scheme) as Scheme) : structuredClone(DEFAULT_SCHEME);
}

export function setScheme(db: WritableDb, scheme: Scheme, actor: string): Scheme {
  const catalog = loadIndicators(db);
  const problems = schemeProblems(scheme, (code) => catalog.get(code)?.perInstitution === true);
  if (problems.length) throw new AppError('INVALID_INPUT', `评价方案有 ${problems.length} 处问题：${problems.join('；')}`, '请修改后再保存。');
  return inTransaction(db, () => {
    run(
      db,
      'INSERT INTO evaluation_scheme (id, scheme, updated_at, updated_by) VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET scheme = excluded.scheme, updated_at = excluded.updated_at, updated_by = excluded.updated_by',
      JSON.stringify(scheme),
      new Date().toISOString(),
      actor,
    );
    recordAudit(db, { actor, action: 'evaluation.scheme', target: 'scheme', details: { items: scheme.items.length } });
    return scheme;
  });
}

/**
 * Scores a period's institutions. A period whose data is incomplete (a year with months missing) is
 * refused with the reason (data/holdings.ts), before anything is scored.
 */
export function scorePeriod(db: ReadableDb, period: string, scheme = getScheme(db)): HospitalScore[] {
  assertPeriodHasData(db, '绩效评价', period);
  const results = scoreHospitals(scheme, evaluationValues(db, scheme, period));
  if (!results.length)
    throw new AppError('INVALID_INPUT', `${formatPeriodZh(period)}没有可用于评价的机构数据。`, '请选择有机构数据的期间（月份、季度、半年或年度）。');
  return results;
}

export function publishRanking(db: WritableDb, period: string, actor: string): PublishedRanking {
  const scheme = getScheme(db);
  const results = scorePeriod(db, period, scheme);
  return inTransaction(db, () => {
    const at = new Date().toISOString();
    const id = Number(
      run(
        db,
        'INSERT INTO evaluation_rankings (period, scheme, results, published_at, published_by) VALUES (?, ?, ?, ?, ?)',
        period,
        JSON.stringify(scheme),
        JSON.stringify(results),
        at,
        actor,
      ).lastInsertRowid,
    );
    recordAudit(db, { actor, action: 'evaluation.publish', target: `ranking#${id}`, details: { period, hospitals: results.length } });
    return { id, period, scheme, results, publishedAt: at, publishedBy: actor };
  });
}

interface RankingRow {
  id: number;
  period: string;
  scheme: string;
  results: string;
  published_at: string;
  published_by: string;
}

const toPublished = (r: RankingRow): PublishedRanking => ({
  id: r.id,
  period: r.period,
  scheme: JSON.parse(r.scheme) as Scheme,
  results: JSON.parse(r.results) as HospitalScore[],
  publishedAt: r.published_at,
  publishedBy: r.published_by,
});

export function listRankings(db: ReadableDb): PublishedRanking[] {
  return allRows<RankingRow>(db, 'SELECT * FROM evaluation_rankings ORDER BY id DESC').map(toPublished);
}

export function getRanking(db: ReadableDb, id: number): PublishedRanking {
  const r = getRow<RankingRow>(db, 'SELECT * FROM evaluation_rankings WHERE id = ?', id);
  if (!r) throw new AppError('INVALID_INPUT', '排名记录不存在。', '请刷新后重试。');
  return toPublished(r);
}

/** The latest published ranking of a period, if any. */
export function latestRanking(db: ReadableDb, period: string): PublishedRanking | null {
  const r = getRow<RankingRow>(db, 'SELECT * FROM evaluation_rankings WHERE period = ? ORDER BY id DESC LIMIT 1', period);
  return r ? toPublished(r) : null;
}

/** Scores the published ranking's period again with the scheme stored with it. */
export function reproduceRanking(db: ReadableDb, id: number): HospitalScore[] {
  const p = getRanking(db, id);
  return scorePeriod(db, p.period, p.scheme);
}
