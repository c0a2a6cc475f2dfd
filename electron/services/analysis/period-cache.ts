// Answers kept warm in the data service: a served flag list (tens of thousands of flags on the
// largest region, built once from the summary tables), its data-quality problems, a month's or
// quarter's DRG overview, and — for a period the summary tables do not hold yet — its values (one
// dense array per indicator) and raised flags, computed once. Reused while the data, the thresholds and the recorded causes stay
// the same; keyed by connection (another workspace starts empty) and by a version read from the
// workspace at every call (a new import, a threshold edit, a cause recorded: recomputed). Tests
// compare them with fresh computations (test/integration/summaries.test.ts).

import type { Flag } from '../../../shared/domain/analysis';
import { getValue, type ReadableDb, type Sqlite } from '../db/connection';
import type { PeriodValues } from './lookup';

export interface PeriodAnalysis {
  values: PeriodValues;
  raised: Flag[];
}

const KEEP = 6;
/** other answers: a period's flag list, its data-quality problems, a DRG overview — a few periods' worth */
const KEEP_ANSWERS = 9;
const caches = new WeakMap<Sqlite, Map<string, PeriodAnalysis & { version: string }>>();
const others = new WeakMap<Sqlite, Map<string, { version: string; value: unknown }>>();

/** Any other per-period answer kept warm the same way (the yearly DRG overview). */
export function cachedAnswer<T>(db: ReadableDb, key: string, compute: () => T): T {
  const version = analysisVersion(db);
  let cache = others.get(db.conn);
  if (!cache) others.set(db.conn, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  cache.set(key, { version, value });
  while (cache.size > KEEP_ANSWERS) cache.delete(cache.keys().next().value!);
  return value;
}

/** What the analysis of any period depends on besides its values: imports, causes, thresholds. */
export function analysisVersion(db: ReadableDb): string {
  return (
    getValue<string>(
      db,
      `SELECT (SELECT coalesce(max(id), 0) FROM imports) || '|' ||
              (SELECT count(*) || ':' || coalesce(max(id), 0) FROM flag_notes) || '|' ||
              (SELECT coalesce(group_concat(indicator || ',' || peer_yellow || ',' || peer_red || ',' || change_yellow || ',' || change_red, ';'), '') FROM flag_thresholds)`,
    ) ?? ''
  );
}

export function cachedPeriod(db: ReadableDb, period: string, compute: () => PeriodAnalysis): PeriodAnalysis {
  const version = analysisVersion(db);
  let cache = caches.get(db.conn);
  if (!cache) caches.set(db.conn, (cache = new Map()));
  const hit = cache.get(period);
  if (hit && hit.version === version) {
    // most recently used last
    cache.delete(period);
    cache.set(period, hit);
    return hit;
  }
  const fresh = { ...compute(), version };
  cache.set(period, fresh);
  while (cache.size > KEEP) cache.delete(cache.keys().next().value!);
  return fresh;
}

/** Whether a period's analysis is warm for the current data (tests, bench). */
export function isWarm(db: ReadableDb, period: string): boolean {
  return caches.get(db.conn)?.get(period)?.version === analysisVersion(db);
}

/** Whether an answer kept by cachedAnswer is warm for the current data (tests). */
export function isAnswerWarm(db: ReadableDb, key: string): boolean {
  return others.get(db.conn)?.get(key)?.version === analysisVersion(db);
}

/** Forgets every period of this connection (the bench measures the cold case with it). */
export function clearPeriodCache(db: ReadableDb): void {
  caches.delete(db.conn);
  others.delete(db.conn);
}
