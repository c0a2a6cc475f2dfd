// Which places of a ranking a printed chart shows: every place of a level up to WHOLE hospitals; of
// a larger one the first TOP and one hospital's neighbours (AROUND either side), so the page stays
// readable and the hospital is always in it. 750 bars on an A4 page were a smear of names.

export const RANKING_WINDOW = { whole: 30, top: 10, around: 5 } as const;

/** The places (0-based, ascending) to draw of a ranking of n, around place `at`; all of them when n is small enough. */
export function rankingWindow(n: number, at: number, w: { whole: number; top: number; around: number } = RANKING_WINDOW): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (n <= w.whole || i < w.top || Math.abs(i - at) <= w.around) out.push(i);
  return out;
}
