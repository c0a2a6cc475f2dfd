import { describe, expect, it } from 'vitest';
import { rankingWindow, RANKING_WINDOW } from '../../shared/reports/ranking-window';

describe('the places of a ranking a printed chart shows', () => {
  it('draws a level of up to 30 whole', () => {
    expect(rankingWindow(30, 29)).toEqual([...Array(30).keys()]);
    expect(rankingWindow(1, 0)).toEqual([0]);
  });
  it('draws the first ten and the hospital with five either side in a larger level', () => {
    expect(rankingWindow(750, 391)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 386, 387, 388, 389, 390, 391, 392, 393, 394, 395, 396]);
    // near the top the two overlap; at the very end the neighbours stop at the last place
    expect(rankingWindow(31, 12)).toEqual([...Array(18).keys()]);
    expect(rankingWindow(750, 749)).toEqual([...Array(10).keys(), 744, 745, 746, 747, 748, 749]);
    for (const at of [0, 5, 100, 749]) expect(rankingWindow(750, at)).toContain(at);
    expect(RANKING_WINDOW.whole).toBe(30);
  });
});
