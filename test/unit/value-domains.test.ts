// The percent-column rule of value-domains.ts, value by value: the style a column's bare numbers
// are read in, and the cells that style cannot settle (docs/data-package.md “取值范围与百分数”).
import { describe, expect, it } from 'vitest';
import { builtinIndicator, domainOf } from '../../shared/catalog/indicators';
import { domain, domainFromUnit, withinBounds } from '../../shared/catalog/domains';
import { columnStyle, readBare } from '../../electron/services/import/value-domains';

const of = (code: string) => domainOf(builtinIndicator(code)!);
const read = (code: string, xs: number[]) => {
  const d = of(code);
  const style = columnStyle(xs, d);
  return { style, cells: xs.map((x) => readBare(x, style, d)?.value ?? null) };
};

describe('the style of a percent column', () => {
  it.each([
    ['percent points by the median', 'DRG_LIST_UPLOAD', [96.5, 98.1, 97.2], true],
    ['decimals by the median', 'DRG_LIST_UPLOAD', [0.965, 0.981, 0.972], false],
    ['small 住院率 in percent points: 0.8 as a decimal is no 住院率', 'SVC_HOSP_RATE', [0.3, 0.8, 1.2, 0.5, 0.9], true],
    ['住院率 in decimals, every one plausible both ways: the median', 'SVC_HOSP_RATE', [0.08, 0.12, 0.15], false],
    ['住院率 at most 1 throughout: the median, whatever the range says', 'SVC_HOSP_RATE', [0.3, 0.8, 0.5, 0.9], false],
    ['据实结算 share in small percent points', 'DRG_ACTUAL_SHARE', [0.5, 0.9, 0.4, 1.5], true],
  ])('%s', (_, code, xs, points) => {
    expect(columnStyle(xs as number[], of(code as string)).points).toBe(points);
  });
  it('says when the plausible range decided against the median, naming a value', () => {
    expect(columnStyle([0.3, 0.8, 1.2, 0.5, 0.9], of('SVC_HOSP_RATE')).byRange).toBe(0.8);
    expect(columnStyle([96.5, 98.1], of('DRG_LIST_UPLOAD')).byRange).toBeNull();
  });
});

describe('cells the style cannot settle', () => {
  it('0.97 among percent points, 97 among decimals', () => {
    expect(read('DRG_LIST_UPLOAD', [96.5, 98.1, 0.97]).cells).toEqual([0.965, 0.981, null]);
    expect(read('DRG_LIST_QC', [0.95, 0.98, 97]).cells).toEqual([0.95, 0.98, null]);
  });
  it('a decimal implausible as read but plausible as percent points (0.8 as a 住院率 of 80%)', () => {
    expect(read('SVC_HOSP_RATE', [0.3, 0.8, 0.5, 0.9]).cells).toEqual([0.3, null, 0.5, null]);
  });
  it('a value below 1 among percent points mostly 10 or more, even where it would be plausible', () => {
    expect(read('SVC_OOP_SHARE', [12, 15, 0.5]).cells).toEqual([0.12, 0.15, null]);
    expect(read('SVC_OOP_SHARE', [2, 3, 0.5]).cells).toEqual([0.02, 0.03, 0.005]);
  });
  it('135 is read as 135% (and refused by the domain), not called ambiguous', () => {
    const d = of('DRG_LIST_UPLOAD');
    for (const xs of [
      [96.5, 135],
      [0.965, 135],
    ]) {
      const r = readBare(135, columnStyle(xs, d), d);
      expect(r).toEqual({ value: 1.35, how: 'points' });
      expect(withinBounds(d, r!.value)).toBe(false);
    }
  });
});

describe('domains', () => {
  it('bounds by kind: a share 0–100%, a growth at least −100%, an index above 0, a balance anything', () => {
    expect(withinBounds(domain('share'), 1.0001)).toBe(false);
    expect(withinBounds(domain('growth'), 2.5)).toBe(true);
    expect(withinBounds(domain('growth'), -1.01)).toBe(false);
    expect(withinBounds(domain('index'), 0)).toBe(false);
    expect(withinBounds(domain('count'), -1)).toBe(false);
    expect(withinBounds(domain('balance'), -1e9)).toBe(true);
  });
  it('a region’s own indicator takes its domain from its unit (and a % growth from its name)', () => {
    expect(domainFromUnit('%', '药品追溯码采集率').kind).toBe('share');
    expect(domainFromUnit('%', '异地就医人次增长率').kind).toBe('growth');
    expect(domainFromUnit('万元', '异地就医基金结余').kind).toBe('balance');
    expect(domainFromUnit('人次', '异地就医人次').kind).toBe('count');
    expect(domainOf({ code: 'X_TRACE', name: '药品追溯码采集率', unit: '%' }).kind).toBe('share');
  });
});
