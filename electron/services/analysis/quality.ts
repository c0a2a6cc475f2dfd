// Data-quality problems, kept apart from the change flags: a share above 100%, a negative count,
// a part larger than its whole, a value ten times last month's (a unit slip: 元 for 万元), a month
// an institution stopped reporting. A convenor must not read these as real changes, so the flags
// leave the suspicious values out and the page lists them separately, to be verified first.

import type { QualityIssue, QualityKind } from '../../../shared/domain/analysis';
import type { IndicatorDef } from '../../../shared/catalog/indicators';
import { formatValue } from '../../../shared/format';
import { previousPeriod } from '../../../shared/period';
import type { ReadableDb } from '../db/connection';
import { loadIndicators } from '../import/import-service';
import { institutions, periodValues, type InstInfo, type PeriodValues } from './lookup';

/** A part that may never exceed its whole: child → parent (both reported per institution). */
const PARTS: [string, string][] = [
  ['FE_EMP_POOLED_IP', 'FE_EMP_POOLED'],
  ['SC_APPROVED', 'SC_SUBMITTED'],
];

/** A value this many times (or this fraction of) last period's is taken for a unit or typing slip. */
export const UNIT_SLIP_FACTOR = 10;

const KIND_ORDER: Record<QualityKind, number> = { impossible: 0, inconsistent: 1, unit: 2, missing: 3 };

/**
 * The problems of one period, from this period's and the previous period's values (as read once
 * for the flags). Pure: the flags call it to leave the suspicious values out.
 */
export function qualityIssues(
  defs: IndicatorDef[],
  insts: Map<string, InstInfo>,
  period: string,
  now: PeriodValues,
  prev: PeriodValues,
  withMessages = true,
): QualityIssue[] {
  const out: QualityIssue[] = [];
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const issue = (inst: string, def: IndicatorDef | null, value: number | null, previous: number | null, kind: QualityKind, message: () => string) => {
    const i = insts.get(inst);
    if (!i) return;
    out.push({
      institution: inst,
      name: i.name,
      band: i.band,
      indicator: def?.code ?? null,
      indicatorName: def?.name ?? null,
      unit: def?.unit ?? '',
      period,
      value,
      previous,
      kind,
      // the flags only need which values are suspect: the sentences are written for the page only
      message: withMessages ? message() : '',
    });
  };
  const reportedNow = new Set<string>();
  for (const m of now.values()) for (const inst of m.keys()) reportedNow.add(inst);
  // a period nobody reported for is not imported yet: nothing to check
  if (!reportedNow.size) return out;
  for (const def of defs) {
    const cur = now.get(def.code);
    const before = prev.get(def.code);
    const fmt = (v: number) => formatValue(v, def.unit);
    for (const [inst, v] of cur ?? []) {
      const p = before?.get(inst) ?? null;
      if (def.unit === '%' && def.formula?.kind !== 'growth' && (v < 0 || v > 1)) {
        issue(inst, def, v, p, 'impossible', () => `${def.name}为 ${fmt(v)}，应在 0%—100% 之间`);
      } else if (def.formula?.kind === 'growth' ? v < -1 : v < 0) {
        issue(inst, def, v, p, 'impossible', () => `${def.name}为 ${fmt(v)}，不应为负数`);
      } else if (!def.formula && def.unit !== '%' && p !== null && p > 0 && v > 0 && (v >= p * UNIT_SLIP_FACTOR || v * UNIT_SLIP_FACTOR <= p)) {
        const times = () => (v >= p ? `为上期（${fmt(p)}）的 ${Math.round(v / p)} 倍` : `仅为上期（${fmt(p)}）的 1/${Math.round(p / v)}`);
        issue(inst, def, v, p, 'unit', () => `${def.name}${times()}，疑似单位或录入错误`);
      }
    }
    // stopped reporting: last period had a value, this one has none (an institution that sent
    // nothing at all this period is one problem, not one per indicator; a computed indicator
    // missing because its inputs are is not a problem of its own)
    if (def.formula) continue;
    for (const [inst, p] of before ?? []) {
      if (cur?.has(inst) || !reportedNow.has(inst)) continue;
      issue(inst, def, null, p, 'missing', () => `${def.name}上期有数据（${fmt(p)}），本期缺失`);
    }
  }
  const reportedBefore = new Set<string>();
  for (const m of prev.values()) for (const inst of m.keys()) reportedBefore.add(inst);
  for (const inst of reportedBefore) if (!reportedNow.has(inst)) issue(inst, null, null, null, 'missing', () => '上期报送了数据，本期没有任何数据');
  for (const [part, whole] of PARTS) {
    const pd = byCode.get(part);
    const wd = byCode.get(whole);
    if (!pd || !wd) continue;
    const w = now.get(whole);
    for (const [inst, v] of now.get(part) ?? []) {
      const total = w?.get(inst);
      if (total !== undefined && v > total * (1 + 1e-9) + 1e-9)
        issue(
          inst,
          pd,
          v,
          prev.get(part)?.get(inst) ?? null,
          'inconsistent',
          () => `${pd.name}（${formatValue(v, pd.unit)}）大于${wd.name}（${formatValue(total, wd.unit)}）`,
        );
    }
  }
  if (!withMessages) return out;
  return out.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * Values that a flag must not be raised on: "institution|indicator" — the suspicious values and
 * what is computed from them (a cost per stay from a mistyped cost). Missing values raise no flag anyway.
 */
export function suspectKeys(issues: QualityIssue[], defs: IndicatorDef[]): Set<string> {
  const out = new Set(issues.filter((q) => q.kind !== 'missing' && q.indicator).map((q) => `${q.institution}|${q.indicator}`));
  const inputs = (d: IndicatorDef): string[] =>
    d.formula?.kind === 'ratio' ? [d.formula.numerator, d.formula.denominator] : d.formula?.kind === 'growth' ? [d.formula.of] : [];
  for (const q of issues)
    if (q.kind !== 'missing' && q.indicator) for (const d of defs) if (inputs(d).includes(q.indicator)) out.add(`${q.institution}|${d.code}`);
  return out;
}

export function dataQuality(db: ReadableDb, period: string): QualityIssue[] {
  const defs = [...loadIndicators(db).values()].filter((d) => d.perInstitution);
  return qualityIssues(defs, institutions(db), period, periodValues(db, period), periodValues(db, previousPeriod(period)));
}
