import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_INDICATORS, OFFICIAL_INDICATORS, INDICATOR_GROUPS } from '../../shared/catalog/indicators';
import { withinBounds } from '../../shared/catalog/domains';
import { dependencyOrder } from '../../electron/services/import/derive';

// The official table beside the repo (tests may read ../shared; the app never does).
const csv = readFileSync(join(__dirname, '..', '..', '..', 'shared', 'domain', 'indicators.csv'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => l.split(','));

describe('indicator catalog', () => {
  it('holds every row of the official table, in order, with its group, frequency and * flag', () => {
    expect(OFFICIAL_INDICATORS).toHaveLength(csv.length);
    expect(csv).toHaveLength(45);
    csv.forEach(([group, name, parent, frequency, source, per], i) => {
      const d = OFFICIAL_INDICATORS[i]!;
      expect(d.name).toBe(name);
      expect(d.group).toBe(group);
      expect(d.frequency).toBe(frequency);
      expect(d.source).toBe(source);
      expect(d.perInstitution).toBe(per === 'Y');
      const parentName = d.parent ? OFFICIAL_INDICATORS.find((x) => x.code === d.parent)!.name : '';
      expect(parentName).toBe(parent);
    });
    expect(INDICATOR_GROUPS).toHaveLength(7);
  });
  it('has unique codes and names, and formulas that refer to existing indicators without cycles', () => {
    const codes = new Set(BUILTIN_INDICATORS.map((d) => d.code));
    expect(codes.size).toBe(BUILTIN_INDICATORS.length);
    expect(new Set(BUILTIN_INDICATORS.map((d) => d.name)).size).toBe(BUILTIN_INDICATORS.length);
    for (const d of BUILTIN_INDICATORS) {
      const f = d.formula;
      const refs = !f
        ? []
        : f.kind === 'sum'
          ? f.of
          : f.kind === 'difference'
            ? [f.minuend, f.subtrahend]
            : f.kind === 'ratio'
              ? [f.numerator, f.denominator]
              : f.kind === 'growth'
                ? [f.of]
                : [];
      for (const r of refs) expect(codes, `${d.code} → ${r}`).toContain(r);
      if (d.weightedBy) expect(codes).toContain(d.weightedBy);
    }
    const order = dependencyOrder(new Map(BUILTIN_INDICATORS.map((d) => [d.code, d])));
    const pos = new Map(order.map((d, i) => [d.code, i]));
    // 收入合计 needs 职工/居民收入 first; 结余合计 needs 收入合计 and 支出合计
    expect(pos.get('FI_EMP')!).toBeLessThan(pos.get('FI_TOTAL')!);
    expect(pos.get('FI_TOTAL')!).toBeLessThan(pos.get('FB_TOTAL')!);
  });
  it('gives the derived indicators the issue names their formulas', () => {
    const get = (c: string) => BUILTIN_INDICATORS.find((d) => d.code === c)!;
    expect(get('SVC_COST_PER_STAY').formula).toEqual({ kind: 'ratio', numerator: 'SVC_IP_COST', denominator: 'SVC_DISCHARGES', scale: 10000 });
    expect(get('SVC_OP_IP_RATIO').formula).toEqual({ kind: 'ratio', numerator: 'SVC_OP_VISITS', denominator: 'SVC_DISCHARGES', scale: 1 });
    expect(get('SVC_DISCHARGE_GROWTH').formula).toEqual({ kind: 'growth', of: 'SVC_DISCHARGES' });
    expect(get('SVC_COST_INDEX').formula).toEqual({ kind: 'drgIndex', measure: 'cost' });
    expect(get('SVC_TIME_INDEX').formula).toEqual({ kind: 'drgIndex', measure: 'time' });
    expect(get('FB_RES_CUR').formula).toEqual({ kind: 'difference', minuend: 'FI_RES', subtrahend: 'FE_RES' });
  });
  it('gives every built-in indicator a domain that fits its unit, with a plausible range inside its bounds', () => {
    const kinds: Record<string, string[]> = {
      '%': ['share', 'growth'],
      万元: ['amount', 'balance'],
      元: ['amount'],
      人次: ['count'],
      例: ['count'],
      比值: ['ratio'],
      指数: ['index'],
    };
    for (const d of BUILTIN_INDICATORS) {
      expect(d.domain, d.code).toBeDefined();
      expect(kinds[d.unit], d.code).toContain(d.domain!.kind);
      const [lo, hi] = d.domain!.plausible;
      expect(lo, d.code).toBeLessThan(hi);
      if (Number.isFinite(lo)) expect(withinBounds(d.domain!, lo) || d.domain!.minExclusive, d.code).toBe(true);
      if (Number.isFinite(hi)) expect(withinBounds(d.domain!, hi), d.code).toBe(true);
    }
    // the balances may be negative, growth may pass 100%, a share never
    expect(BUILTIN_INDICATORS.filter((d) => d.domain!.kind === 'balance').map((d) => d.code)).toEqual(
      expect.arrayContaining(['FB_TOTAL', 'FB_EMP', 'FB_RES', 'FB_RES_CUR', 'FB_EMP_POOLED_CUR', 'FB_EMP_POOLED_ACC', 'FB_RES_ACC', 'FB_EMP_ACC']),
    );
    expect(BUILTIN_INDICATORS.find((d) => d.code === 'SVC_DISCHARGE_GROWTH')!.domain!.kind).toBe('growth');
  });
});
