// Data-quality problems, kept apart from the change flags: a share above 100%, a negative count,
// a part larger than its whole, a value ten times last month's (a unit slip: 元 for 万元), a month
// an institution stopped reporting. A convenor must not read these as real changes, so the flags
// leave the suspicious values out and the page lists them separately, to be verified first.

import type { QualityIssue, QualityKind } from '../../../shared/domain/analysis';
import type { IndicatorDef } from '../../../shared/catalog/indicators';
import { formatValue } from '../../../shared/format';
import { at, type InstInfo, type PeriodValues } from './period-values';

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
  const codes = now.codes;
  const n = codes.length;
  const issue = (i: number, def: IndicatorDef | null, value: number | null, previous: number | null, kind: QualityKind, message: () => string) => {
    const inst = insts.get(codes[i]!);
    if (!inst) return;
    out.push({
      institution: codes[i]!,
      name: inst.name,
      band: inst.band,
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
  const reported = (pv: PeriodValues) => {
    const r = new Uint8Array(n);
    for (const a of pv.byIndicator.values()) for (let i = 0; i < n; i++) if (!Number.isNaN(a[i]!)) r[i] = 1;
    return r;
  };
  const reportedNow = reported(now);
  // a period nobody reported for is not imported yet: nothing to check
  if (!reportedNow.includes(1)) return out;
  for (const def of defs) {
    const cur = now.byIndicator.get(def.code);
    const before = prev.byIndicator.get(def.code);
    const fmt = (v: number) => formatValue(v, def.unit);
    const share = def.unit === '%' && def.formula?.kind !== 'growth';
    const growth = def.formula?.kind === 'growth';
    const slips = !def.formula && def.unit !== '%';
    if (cur)
      for (let i = 0; i < n; i++) {
        const v = cur[i]!;
        if (Number.isNaN(v)) continue;
        const p = at(before, i);
        if (share && (v < 0 || v > 1)) {
          issue(i, def, v, p, 'impossible', () => `${def.name}为 ${fmt(v)}，应在 0%—100% 之间`);
        } else if (growth ? v < -1 : v < 0) {
          issue(i, def, v, p, 'impossible', () => `${def.name}为 ${fmt(v)}，不应为负数`);
        } else if (slips && p !== null && p > 0 && v > 0 && (v >= p * UNIT_SLIP_FACTOR || v * UNIT_SLIP_FACTOR <= p)) {
          const times = () => (v >= p ? `为上期（${fmt(p)}）的 ${Math.round(v / p)} 倍` : `仅为上期（${fmt(p)}）的 1/${Math.round(p / v)}`);
          issue(i, def, v, p, 'unit', () => `${def.name}${times()}，疑似单位或录入错误`);
        }
      }
    // stopped reporting: last period had a value, this one has none (an institution that sent
    // nothing at all this period is one problem, not one per indicator; a computed indicator
    // missing because its inputs are is not a problem of its own)
    if (def.formula || !before) continue;
    for (let i = 0; i < n; i++) {
      const p = before[i]!;
      if (Number.isNaN(p) || (cur && !Number.isNaN(cur[i]!)) || !reportedNow[i]) continue;
      issue(i, def, null, p, 'missing', () => `${def.name}上期有数据（${fmt(p)}），本期缺失`);
    }
  }
  const reportedBefore = reported(prev);
  for (let i = 0; i < n; i++) if (reportedBefore[i] && !reportedNow[i]) issue(i, null, null, null, 'missing', () => '上期报送了数据，本期没有任何数据');
  for (const [part, whole] of PARTS) {
    const pd = byCode.get(part);
    const wd = byCode.get(whole);
    const pa = now.byIndicator.get(part);
    const wa = now.byIndicator.get(whole);
    if (!pd || !wd || !pa || !wa) continue;
    for (let i = 0; i < n; i++) {
      const v = pa[i]!;
      const total = wa[i]!;
      if (!Number.isNaN(v) && !Number.isNaN(total) && v > total * (1 + 1e-9) + 1e-9)
        issue(
          i,
          pd,
          v,
          at(prev.byIndicator.get(part), i),
          'inconsistent',
          () => `${pd.name}（${formatValue(v, pd.unit)}）大于${wd.name}（${formatValue(total, wd.unit)}）`,
        );
    }
  }
  if (!withMessages) return out;
  return out.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * The values a flag must not be raised on, by indicator (1 = suspect, indexed like the period's
 * arrays): the suspicious values and what is computed from them (a cost per stay from a mistyped
 * cost). Missing values raise no flag anyway.
 */
export function suspects(issues: QualityIssue[], defs: IndicatorDef[], pos: Map<string, number>, n: number): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const mark = (indicator: string, inst: string) => {
    const i = pos.get(inst);
    if (i === undefined) return;
    let a = out.get(indicator);
    if (!a) out.set(indicator, (a = new Uint8Array(n)));
    a[i] = 1;
  };
  const inputs = (d: IndicatorDef): string[] =>
    d.formula?.kind === 'ratio' ? [d.formula.numerator, d.formula.denominator] : d.formula?.kind === 'growth' ? [d.formula.of] : [];
  for (const q of issues) {
    if (q.kind === 'missing' || !q.indicator) continue;
    mark(q.indicator, q.institution);
    for (const d of defs) if (inputs(d).includes(q.indicator)) mark(d.code, q.institution);
  }
  return out;
}
