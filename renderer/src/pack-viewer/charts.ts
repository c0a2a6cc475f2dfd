// The pack page's charts, drawn by hand as SVG: a month-by-month trend (the hospital, its level's
// median with the P25–P75 band, the region) and the position strip (the level's P25–P75 box, its
// median and the hospital's value on one scale).

import { formatPeriodZh } from '../../../shared/period';
import { formatValue } from '../../../shared/format';
import type { PackIndicator } from '../../../shared/pack/payload';
import { s } from './dom';

const COLORS = { me: '#c8372d', median: '#1f5fbf', band: '#e8f0fc', region: '#66768a', axis: '#dde3ec', ink: '#1d2733' };

const finite = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null && Number.isFinite(x));

function niceRange(xs: number[]): [number, number] {
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  if (lo === hi) [lo, hi] = [lo - Math.abs(lo || 1) * 0.1, hi + Math.abs(hi || 1) * 0.1];
  const pad = (hi - lo) * 0.08;
  // values that cannot be negative get no negative axis
  return [lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad];
}

/** The trend of one indicator over the pack's months. */
export function trendChart(ind: PackIndicator, width = 860, height = 280): SVGElement {
  const pts = ind.points;
  // an additive indicator's region value is the region's total: it is in the table, not on this scale
  const withRegion = !ind.additive;
  const all = finite(pts.flatMap((p) => [p.value, p.median, p.p25, p.p75, withRegion ? p.region : null]));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': `${ind.name}趋势` });
  if (!all.length) return svg;
  const [lo, hi] = niceRange(all);
  const L = 88;
  const R = 40;
  const T = 16;
  const B = 56;
  const x = (i: number) => L + (pts.length === 1 ? (width - L - R) / 2 : (i * (width - L - R)) / (pts.length - 1));
  const y = (v: number) => T + ((hi - v) * (height - T - B)) / (hi - lo);
  for (let k = 0; k <= 4; k++) {
    const v = lo + ((hi - lo) * k) / 4;
    svg.append(s('line', { x1: L, x2: width - R, y1: y(v), y2: y(v), stroke: COLORS.axis }));
    svg.append(s('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: COLORS.region }, formatValue(v, ind.unit, { withUnit: false })));
  }
  const step = Math.max(1, Math.ceil(pts.length / 10));
  pts.forEach((p, i) => {
    if (i % step === 0 || (i === pts.length - 1 && i % step > step / 2))
      svg.append(
        s(
          'text',
          { x: x(i), y: height - B + 18, 'text-anchor': 'middle', 'font-size': 11, fill: COLORS.region },
          formatPeriodZh(p.period).replace('年', '年\u200b'),
        ),
      );
  });
  // the level's P25–P75 band
  const band = pts.map((p, i) => (p.p25 !== null && p.p75 !== null ? { i, lo: p.p25, hi: p.p75 } : null)).filter((b) => b !== null);
  if (band.length > 1) {
    const d = [...band.map((b) => `${x(b.i)},${y(b.hi)}`), ...band.reverse().map((b) => `${x(b.i)},${y(b.lo)}`)].join(' ');
    svg.append(s('polygon', { points: d, fill: COLORS.band }));
  }
  const line = (pick: (p: (typeof pts)[number]) => number | null, color: string, dash = '', dots = false) => {
    let d = '';
    const marks: SVGElement[] = [];
    pts.forEach((p, i) => {
      const v = pick(p);
      if (v === null) return;
      d += `${d && i > 0 && pick(pts[i - 1]!) !== null ? 'L' : 'M'}${x(i)},${y(v)}`;
      if (dots) marks.push(s('circle', { cx: x(i), cy: y(v), r: 3, fill: color }));
    });
    if (d) svg.append(s('path', { d, fill: 'none', stroke: color, 'stroke-width': 2, 'stroke-dasharray': dash }), ...marks);
  };
  if (withRegion) line((p) => p.region, COLORS.region, '6 4');
  line((p) => p.median, COLORS.median);
  line((p) => p.value, COLORS.me, '', true);
  const legend: [string, string][] = [
    ['本院', COLORS.me],
    ['同级中位数', COLORS.median],
    ...(withRegion ? [['统筹地区', COLORS.region] as [string, string]] : []),
  ];
  legend.forEach(([t, c], k) => {
    const lx = L + k * 130;
    svg.append(s('rect', { x: lx, y: height - 18, width: 14, height: 4, fill: c }));
    svg.append(s('text', { x: lx + 20, y: height - 12, 'font-size': 12, fill: COLORS.ink }, t));
  });
  const bx = L + legend.length * 130;
  svg.append(s('rect', { x: bx, y: height - 22, width: 14, height: 10, fill: COLORS.band }));
  svg.append(s('text', { x: bx + 20, y: height - 12, 'font-size': 12, fill: COLORS.ink }, '同级四分位区间（P25—P75）'));
  return svg;
}

/** Where the hospital stands in its level: P25–P75 box, median tick, its own value as a dot. */
export function positionStrip(
  p: { value: number | null; median: number | null; p25: number | null; p75: number | null },
  width = 220,
  height = 22,
): SVGElement {
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img' });
  const xs = finite([p.value, p.median, p.p25, p.p75]);
  if (!xs.length || p.p25 === null || p.p75 === null || p.median === null) return svg;
  const [lo, hi] = niceRange([...xs, p.p25 - (p.p75 - p.p25), p.p75 + (p.p75 - p.p25)]);
  const x = (v: number) => 6 + ((v - lo) * (width - 12)) / (hi - lo);
  svg.append(s('line', { x1: 6, x2: width - 6, y1: height / 2, y2: height / 2, stroke: COLORS.axis }));
  svg.append(s('rect', { x: x(p.p25), y: 5, width: Math.max(1, x(p.p75) - x(p.p25)), height: height - 10, fill: COLORS.band, stroke: COLORS.median }));
  svg.append(s('line', { x1: x(p.median), x2: x(p.median), y1: 3, y2: height - 3, stroke: COLORS.median, 'stroke-width': 2 }));
  if (p.value !== null) svg.append(s('circle', { cx: x(p.value), cy: height / 2, r: 5, fill: COLORS.me }));
  return svg;
}
