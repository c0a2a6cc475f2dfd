// A flag's reasons: judged as bits with the thresholds (analysis/judge.ts), written in words where
// shown (shared/domain/flag-reasons.ts). The words are the ones the list, the hospital view and the
// reports have always shown; a reason applies exactly when it raised the flag.
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, DEFAULT_THRESHOLDS_PERCENT, judge } from '../../electron/services/analysis/judge';
import { flagReasons, reasonLine, REASON_CHANGE, REASON_PEER, REASON_YOY } from '../../shared/domain/flag-reasons';

const amount = { unit: '元' };
const share = { unit: '%' };
const t = { indicator: 'X', ...DEFAULT_THRESHOLDS };
const tShare = { indicator: 'Y', ...DEFAULT_THRESHOLDS_PERCENT };

const words = (def: { unit: string }, th: typeof t, v: number, median: number | null, z: number | null, p: number | null, l: number | null) => {
  const j = judge(def, th, v, median, z, p, l);
  return { ...j, words: flagReasons({ ...j, unit: def.unit, z }) };
};

describe('a flag’s reasons', () => {
  it('names every reason that raised it, in words, peers first', () => {
    // 12,530 against a peer median of 8,000 (z 3.24), 10,000 last month, 19,700 a year ago
    const r = words(amount, t, 12530, 8000, 3.24, 10000, 19700);
    expect(r.level).toBe('red');
    expect(r.reasonKinds).toBe(REASON_PEER | REASON_CHANGE | REASON_YOY);
    expect(r.words).toEqual(['与同级机构相比偏高（偏离同级水平 3.2 个标准单位）', '环比+25.3%', '同比−36.4%']);
    expect(reasonLine({ ...r, unit: '元', z: 3.24 })).toBe('与同级机构相比偏高（偏离同级水平 3.2 个标准单位）；环比+25.3%；同比−36.4%');
  });

  it('writes a share’s changes in percentage points, and a low peer deviation as 偏低', () => {
    const r = words(share, tShare, 0.1, 0.3, -4.05, 0.2, 0.11);
    expect(r.reasonKinds).toBe(REASON_PEER | REASON_CHANGE);
    expect(r.words).toEqual(['与同级机构相比偏低（偏离同级水平 4.0 个标准单位）', '环比−10.0个百分点']);
  });

  it('leaves out what is below the yellow threshold, and a deviation not apart in practice', () => {
    // z beyond the threshold but the value within 20% of the median: not a peer reason
    const r = words(amount, t, 105, 100, 3.0, 100, 140);
    expect(r.reasonKinds).toBe(REASON_YOY);
    expect(r.words).toEqual(['同比−25.0%']);
    const none = words(amount, t, 101, 100, 0.4, 100, null);
    expect(none.level).toBe('green');
    expect(none.words).toEqual([]);
  });
});
