// Changes shown anywhere (flags, 环比/同比 columns, reports, the trend table) follow one decision by
// the indicator's unit: a rate moves in percentage points, an amount or count by a per cent of
// itself. The demo's 出院人次增长率 went from 2.15% to 73.6%; as a per cent of a per cent that was
// printed “+3,323.26%”.
import { describe, expect, it } from 'vitest';
import { builtinIndicator } from '../../shared/catalog/indicators';
import { changeInPoints, changeOf, formatChangeOf, formatChangeValue, seriesChanges } from '../../shared/format';
import { flagReasons, REASON_CHANGE, REASON_YOY } from '../../shared/domain/flag-reasons';

const growth = builtinIndicator('SVC_DISCHARGE_GROWTH')!;

describe('one function decides how a change is measured', () => {
  it('出院人次增长率 (a rate) changes in percentage points; amounts, counts and indices by a per cent', () => {
    expect(changeInPoints(growth.unit)).toBe(true);
    for (const code of ['SVC_DISCHARGES', 'SVC_IP_COST', 'SVC_COST_PER_STAY', 'SVC_COST_INDEX', 'SVC_OP_IP_RATIO', 'DRG_CMI'])
      expect(changeInPoints(builtinIndicator(code)!.unit), code).toBe(false);
    // 2.15% → 73.60%: +71.45 points (by hand), not (0.736 − 0.0215)/0.0215 = +3,323.26%
    expect(changeOf(growth.unit, 0.736, 0.0215)).toBeCloseTo(0.7145, 12);
    expect(formatChangeOf(growth.unit, 0.736, 0.0215)).toBe('+71.45个百分点');
    expect(formatChangeOf(growth.unit, -0.031, 0.0232)).toBe('−5.42个百分点');
    // a zero base is a change of points for a rate, not computable for an amount
    expect(formatChangeOf('%', 0.05, 0)).toBe('+5.00个百分点');
    expect(formatChangeOf('人次', 5, 0)).toBe('—');
    expect(formatChangeOf('人次', 1250, 1000)).toBe('+25.0%');
    expect(formatChangeValue('万元', -0.364)).toBe('−36.4%');
  });

  it('the trend table’s 环比 and 同比 columns use it (seriesChanges)', () => {
    // 13 months of a growth rate: month 2 jumps from 2.15% to 73.60%, month 13 is −3.10% against 2.32% a year before
    const values: (number | null)[] = [0.0232, 0.0215, 0.736, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, null, 0.02, -0.031];
    const mom = seriesChanges('%', values, 1);
    expect(mom[0]).toBeNull();
    expect(mom[2]).toBeCloseTo(0.7145, 12);
    expect(mom[11]).toBeNull(); // after a month without a value
    expect(seriesChanges('%', values, 12)[12]).toBeCloseTo(-0.0542, 12);
    // an amount: relative
    expect(seriesChanges('人次', [100, 125], 1)).toEqual([null, 0.25]);
  });

  it('a flag on a rate names its change in points', () => {
    const words = flagReasons({ reasonKinds: REASON_CHANGE | REASON_YOY, unit: growth.unit, z: null, change: 0.7145, yoy: -0.4825 });
    expect(words).toEqual(['环比+71.5个百分点', '同比−48.3个百分点']);
  });
});
