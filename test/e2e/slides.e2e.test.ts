import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRows } from '../../electron/services/db/connection';
import { saveView } from '../../electron/services/views/views';
import { closeBrowser, openApp, type Harness } from './harness';

// Slides on a 1280×720 projector: the overview's cards as slides, the deck renamed and reordered,
// long tables paged over screens (↓) rather than cut, and no text under 18 px; then the same
// slides at 1366×768 and 1920×1080.
describe('slides in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openApp({ viewport: { width: 1280, height: 720 } });
    saveView(h.session.db, '机构亮家底·示范市第一人民医院', { chart: 'hospital', period: '2025-11', institution: 'H99010000001' }, 'e2e测试');
    saveView(h.session.db, '变化预警·2025年11月', { chart: 'flags', period: '2025-11' }, 'e2e测试');
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  const slideFits = () =>
    h.page.evaluate(() => {
      const body = document.querySelector('.slide-body') as HTMLElement;
      const small = [...document.querySelectorAll('.presentation *')]
        .filter((e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
        .filter((e) => (e as HTMLElement).offsetParent !== null && !e.closest('.watermark'))
        .map((e) => ({ text: e.textContent!.slice(0, 20), size: parseFloat(getComputedStyle(e).fontSize) }))
        .filter((x) => x.size < 18);
      return { overflow: body.scrollHeight - body.clientHeight, small };
    });

  it('adds overview cards as slides, renames and reorders the deck, pages long tables', async () => {
    const p = h.page;
    await p.getByTestId('kpi-FI_TOTAL').waitFor();
    await p.getByTestId('overview-add-section').first().click();
    await expect(p.getByTestId('overview-message').textContent()).resolves.toContain('已加入演示');
    await p.getByTestId('mode-analysis').click();
    await p.getByTestId('atab-deck').click();
    const items = p.getByTestId('deck').locator('li');
    await expect(items.count()).resolves.toBe(3);
    // the overview slide (added last) goes first, and is renamed
    await p.getByTestId('deck-item-3').getByTestId('deck-up').click();
    await p.getByTestId('deck-item-2').getByTestId('deck-name').getByText('基金', { exact: false }).waitFor();
    await p.getByTestId('deck-item-2').getByTestId('deck-up').click();
    await p.getByTestId('deck-item-1').getByTestId('deck-name').getByText('基金', { exact: false }).waitFor();
    await p.getByTestId('deck-item-1').getByTestId('deck-rename').click();
    await p.getByTestId('deck-rename-input').fill('一、基金运行概况');
    await p.getByTestId('deck-rename-input').press('Enter');
    await p.getByTestId('deck-item-1').getByText('一、基金运行概况').waitFor();
    const order = allRows<{ name: string }>(h.session.db, 'SELECT name FROM saved_views ORDER BY sort, id').map((r) => r.name);
    expect(order).toEqual(['一、基金运行概况', '机构亮家底·示范市第一人民医院', '变化预警·2025年11月']);

    await p.getByTestId('start-presentation').click();
    await p.getByTestId('overview-slide').waitFor();
    await expect(p.getByTestId('slide-title').textContent()).resolves.toBe('一、基金运行概况');
    expect(await slideFits()).toEqual({ overflow: 0, small: [] });
    await h.screenshot('40-slide-overview-1280');

    // the hospital's table: more rows than fit, so the slide has screens; ↓ shows the next one
    await p.keyboard.press('ArrowRight');
    await p.getByTestId('grid-hospital').locator('tbody tr').first().waitFor();
    await expect(p.getByTestId('slide-no').textContent()).resolves.toMatch(/^2 \/ 3（1\/(\d) 屏）$/);
    const screens = Number(/1\/(\d) 屏/.exec((await p.getByTestId('slide-no').textContent())!)![1]);
    expect(screens).toBeGreaterThan(1);
    const firstRows = await p.getByTestId('grid-hospital').locator('tbody tr').count();
    expect(await slideFits()).toEqual({ overflow: 0, small: [] });
    await h.screenshot('41-slide-hospital-1280-screen1');
    const seen = new Set<string>();
    for (let s = 1; s <= screens; s++) {
      for (const t of await p.getByTestId('grid-hospital').locator('tbody tr td:nth-child(2)').allTextContents()) seen.add(t);
      if (s < screens) {
        await p.keyboard.press('ArrowDown');
        await expect(p.getByTestId('slide-no').textContent()).resolves.toContain(`${s + 1}/${screens} 屏`);
        expect((await slideFits()).overflow).toBe(0);
      }
    }
    await h.screenshot('42-slide-hospital-1280-last-screen');
    // every indicator of the hospital was shown once over the screens
    const total = allRows<{ n: number }>(
      h.session.db,
      "SELECT count(DISTINCT indicator) AS n FROM institution_values WHERE institution = 'H99010000001' AND period = '2025-11'",
    )[0]!.n;
    expect(seen.size).toBeGreaterThanOrEqual(Math.min(total, firstRows + 1));
    // ↑ goes back a screen before it goes back a slide
    await p.keyboard.press('ArrowUp');
    await expect(p.getByTestId('slide-no').textContent()).resolves.toContain(`${screens - 1}/${screens} 屏`);
    for (let s = screens - 1; s <= screens; s++) await p.keyboard.press('ArrowDown');
    await expect(p.getByTestId('slide-no').textContent()).resolves.toMatch(/^3 \/ 3/);
    await p.getByTestId('grid-flags').waitFor();
    expect(await slideFits()).toEqual({ overflow: 0, small: [] });
    await h.screenshot('43-slide-flags-1280');

    for (const [w, hgt] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await p.setViewportSize({ width: w, height: hgt });
      await p.waitForTimeout(300);
      expect((await slideFits()).overflow, `${w}×${hgt}`).toBe(0);
      await h.screenshot(`44-slide-flags-${w}`);
    }
    // ← and → turn the page whatever screen is shown: from the hospital's first screen straight on
    await p.keyboard.press('ArrowLeft');
    // (at this size the hospital's table has screens of its own: the viewport is larger now)
    await expect(p.getByTestId('slide-no').textContent()).resolves.toMatch(/^2 \/ 3（1\/\d+ 屏）$/);
    await p.keyboard.press('ArrowRight');
    await expect(p.getByTestId('slide-no').textContent()).resolves.toMatch(/^3 \/ 3/);
    await p.getByTestId('grid-flags').waitFor();
    await p.keyboard.press('Escape');
    await p.getByTestId('presentation').waitFor({ state: 'detached' });
  });
});
