import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_TYPES } from '../../shared/reports/model';
import { saveView } from '../../electron/services/views/views';
import { closeBrowser, openApp, type Harness } from './harness';

// Every screen at the two small sizes a convenor meets (a government laptop at 1366×768, a
// projector at 1280×720): screenshotted for a person to look at, and checked by the page itself —
// no sideways scrolling, nothing in a page header, toolbar or form row drawn over its neighbour.
const SIZES = [
  [1366, 768],
  [1280, 720],
] as const;

type Step = { name: string; go: (h: Harness) => Promise<void> };
const click = (id: string) => async (h: Harness) => {
  await h.page.getByTestId(id).click();
  await h.page.waitForTimeout(250);
};
const STEPS: Step[] = [
  { name: 'overview', go: click('nav-overview') },
  { name: 'analysis-ranking', go: async (h) => (await click('mode-analysis')(h), await click('atab-ranking')(h)) },
  ...['trend', 'quadrant', 'distribution', 'drg', 'flags', 'hospital', 'deck'].map((t) => ({ name: `analysis-${t}`, go: click(`atab-${t}`) })),
  { name: 'import', go: click('nav-import') },
  { name: 'members', go: async (h) => (await click('nav-members')(h), await click('tab-members')(h)) },
  ...['pool', 'rules', 'draw', 'history'].map((t) => ({ name: `members-${t}`, go: click(`tab-${t}`) })),
  { name: 'meetings', go: async (h) => (await click('nav-meetings')(h), await click('mtab-meeting')(h)) },
  ...['open', 'calendar', 'search'].map((t) => ({ name: `meetings-${t}`, go: click(`mtab-${t}`) })),
  { name: 'reports', go: click('nav-reports') },
  ...REPORT_TYPES.map((t, i) => ({ name: `reports-${i + 1}`, go: click(`report-type-${t}`) })),
  { name: 'settings', go: click('nav-settings') },
];

/** Problems the page can see in itself: sideways overflow, and siblings drawn over each other. */
function problems(h: Harness) {
  return h.page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) out.push(`页面横向溢出 ${doc.scrollWidth - window.innerWidth}px`);
    const page = document.querySelector('.page') as HTMLElement | null;
    if (page && page.scrollWidth > page.clientWidth + 1) out.push(`内容横向溢出 ${page.scrollWidth - page.clientWidth}px`);
    // anything drawn past the right edge of its card (unless a scrolling box inside clips it)
    for (const card of document.querySelectorAll('.page .card')) {
      const edge = card.getBoundingClientRect().right;
      for (const el of card.querySelectorAll('*')) {
        if (el.closest('.ag-root-wrapper, svg, canvas') || (el as HTMLElement).offsetParent === null) continue;
        const r = el.getBoundingClientRect();
        if (!r.width || r.right <= edge + 1) continue;
        let clipped = false;
        for (let a = el.parentElement; a && a !== card; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
        if (!clipped) {
          out.push(`超出卡片：“${el.textContent?.slice(0, 16)}” ${Math.round(r.right - edge)}px`);
          break;
        }
      }
    }
    for (const box of document.querySelectorAll('.page-head, .toolbar, .form-row, .actions')) {
      const kids = [...box.children].filter((k) => (k as HTMLElement).offsetParent !== null).map((k) => [k, k.getBoundingClientRect()] as const);
      for (let i = 0; i < kids.length; i++)
        for (let j = i + 1; j < kids.length; j++) {
          const [a, ra] = kids[i]!;
          const [b, rb] = kids[j]!;
          const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (x > 2 && y > 2) out.push(`重叠：“${a.textContent?.slice(0, 12)}”与“${b.textContent?.slice(0, 12)}”`);
        }
      const r = box.getBoundingClientRect();
      if (r.width && r.right > window.innerWidth + 1) out.push(`超出窗口：“${box.textContent?.slice(0, 12)}”`);
    }
    return out;
  });
}

describe('every screen at 1366×768 and 1280×720', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openApp({ viewport: { width: 1366, height: 768 } });
    saveView(
      h.session.db,
      '横向对比·次均住院费用·2025年11月',
      { chart: 'ranking', indicator: 'SVC_COST_PER_STAY', period: '2025-11', band: '三级' },
      'e2e测试',
    );
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  for (const [w, hgt] of SIZES)
    it(`${w}×${hgt}`, async () => {
      await h.page.setViewportSize({ width: w, height: hgt });
      const found: Record<string, string[]> = {};
      for (const s of STEPS) {
        await s.go(h);
        await h.screenshot(`tour-${w}-${s.name}`);
        const p = await problems(h);
        if (p.length) found[s.name] = p;
      }
      expect(found).toEqual({});
    });
});
