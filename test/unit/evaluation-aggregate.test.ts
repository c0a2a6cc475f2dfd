// A quarter's, half-year's or year's value of an indicator from its months, for the evaluation:
// counts and amounts add up; rates and indices are weighted means of the months, each weighted by
// what it is a rate of (shared/evaluation/aggregate.ts). Checked against sums worked by hand.
import { describe, expect, it } from 'vitest';
import { builtinIndicator } from '../../shared/catalog/indicators';
import { aggregateMonths, aggregationOf, aggregationWords } from '../../shared/evaluation/aggregate';

const def = (code: string) => builtinIndicator(code)!;
const name = (code: string) => def(code).name;

describe('an indicator over several months', () => {
  it('names each indicator’s rule and weight', () => {
    const words = (code: string) => aggregationWords(aggregationOf(def(code)), name);
    expect(words('SVC_DISCHARGES')).toBe('各月合计');
    expect(words('SVC_IP_COST')).toBe('各月合计');
    expect(words('SVC_COST_PER_STAY')).toBe('各月按出院人次加权平均');
    expect(words('SVC_OOP_SHARE')).toBe('各月按住院总费用加权平均');
    expect(words('DRG_LIST_QC')).toBe('各月按出院人次加权平均');
    expect(words('DRG_CMI')).toBe('各月按DRG入组病例数加权平均');
    expect(words('SVC_COST_INDEX')).toBe('各月按入组病例数加权平均');
    expect(words('DRG_STANDARD_SHARE')).toBe('各月按入组病例数加权平均');
    expect(words('SVC_DISCHARGE_GROWTH')).toBe('各月按上年同月出院人次加权平均');
  });

  it('sums counts, and weights rates by what they are rates of', () => {
    // three months: discharges 100, 300, 200; cost 100万, 240万, 200万 → 次均 10,000, 8,000, 10,000元
    expect(aggregateMonths({ kind: 'sum' }, [100, 300, 200])).toEqual({ value: 600, missing: null });
    // the quarter's 次均 is the quarter's cost over its discharges: 540万 ÷ 600 = 9,000元
    // (the plain mean of the months would be 9,333.33元)
    const perStay = aggregateMonths(aggregationOf(def('SVC_COST_PER_STAY')), [10000, 8000, 10000], [100, 300, 200]);
    expect(perStay.value).toBeCloseTo(9000, 9);
    // CMI: months 1.2 over 50 DRG cases and 0.9 over 150 → Σ(weight × cases) ÷ Σcases = (60 + 135) ÷ 200 = 0.975
    expect(aggregateMonths(aggregationOf(def('DRG_CMI')), [1.2, 0.9], [50, 150]).value).toBeCloseTo(0.975, 12);
    // growth on last year: +10% on 1,000 and −20% on 500 → (1,100 + 400 − 1,500) ÷ 1,500 = 0
    expect(aggregateMonths(aggregationOf(def('SVC_DISCHARGE_GROWTH')), [0.1, -0.2], [1000, 500]).value).toBeCloseTo(0, 12);
    // no weight named: the plain mean
    expect(aggregateMonths({ kind: 'mean' }, [0.5, 0.7]).value).toBeCloseTo(0.6, 12);
  });

  it('gives no value, with the reason, when a month is missing', () => {
    expect(aggregateMonths({ kind: 'sum' }, [100, undefined, null])).toEqual({ value: null, missing: '缺少2个月的数据' });
    const w = aggregationOf(def('SVC_COST_PER_STAY'));
    expect(aggregateMonths(w, [10000, 8000], [100, undefined], '出院人次')).toEqual({ value: null, missing: '缺少1个月的出院人次（汇总的权重）' });
    // a month with no discharges has no 次均 and needs none
    expect(aggregateMonths(w, [10000, null], [100, 0])).toEqual({ value: 10000, missing: null });
  });
});
