import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillRooms } from './fill-rooms';
import { closeBrowser, openApp, type Harness } from './harness';

// Issue 33: at 1366×768 every table a convenor reads shows the column that matters whole, without
// scrolling sideways — the reading column's cells (and the columns named beside it) inside the
// viewport and the grid, their text not cut, and no sideways scroll in the grid or the page. The
// screens are filled first with long texts (fill-rooms.ts), so that a wrap that does not happen shows.

interface Screen {
  name: string;
  grid: string;
  /** the columns that must be whole: the reading column first */
  columns: string[];
  go: (h: Harness) => Promise<void>;
}
const click = (id: string) => async (h: Harness) => {
  await h.page.getByTestId(id).click();
  await h.page.waitForTimeout(250);
};
const SCREENS: Screen[] = [
  {
    name: '变化预警',
    grid: 'grid-flags',
    columns: ['原因提示', 'level', 'name'],
    go: async (h) => (await click('nav-overview')(h), await click('mode-analysis')(h), await click('atab-flags')(h)),
  },
  {
    name: '机构亮家底',
    grid: 'grid-hospital',
    columns: ['提示', 'indicatorName', 'value'],
    go: async (h) => {
      await click('atab-hospital')(h);
      await h.page.getByTestId('pick-institution').selectOption('H99010000001');
    },
  },
  {
    name: '会议意见',
    grid: 'comments-grid',
    columns: ['text', 'status', 'department'],
    go: async (h) => (await click('nav-meetings')(h), await click('mtab-meeting')(h)),
  },
  { name: '工作日历', grid: 'calendar-grid', columns: ['title', 'due', 'status'], go: click('mtab-calendar') },
  { name: '导出登记', grid: 'grid-exports', columns: ['fileName', 'at', 'type'], go: click('nav-reports') },
  {
    name: '成员',
    grid: 'members-grid',
    columns: ['institutionName', 'name', '状态'],
    go: async (h) => (await click('nav-members')(h), await click('tab-members')(h)),
  },
  { name: '成员库', grid: 'pool-grid', columns: ['抽选资格', 'name', 'institutionName'], go: click('tab-pool') },
];

/** What the page says about one grid: sideways scrolling, and each named column's cells that are not whole. */
function measure(h: Harness, grid: string, columns: string[]) {
  return h.page.evaluate(
    ({ grid, columns }) => {
      const out: string[] = [];
      const root = document.querySelector(`[data-testid="${grid}"]`);
      if (!root) return [`没有表格 ${grid}`];
      const doc = document.documentElement;
      if (doc.scrollWidth > window.innerWidth + 1) out.push(`页面横向滚动 ${doc.scrollWidth - window.innerWidth}px`);
      const vp = root.querySelector('.ag-center-cols-viewport');
      if (vp && vp.scrollWidth > vp.clientWidth + 1) out.push(`表格横向滚动 ${vp.scrollWidth - vp.clientWidth}px`);
      const box = root.getBoundingClientRect();
      for (const c of columns) {
        const cells = [...root.querySelectorAll(`.ag-row .ag-cell[col-id="${c}"]`)];
        const header = root.querySelector(`.ag-header-cell[col-id="${c}"]`);
        if (!header) out.push(`${c}：列不在`);
        if (!cells.length) out.push(`${c}：没有单元格`);
        for (const cell of cells) {
          const r = cell.getBoundingClientRect();
          const text = (cell.textContent ?? '').slice(0, 12);
          if (r.left < Math.max(0, box.left) - 1 || r.right > Math.min(window.innerWidth, box.right) + 1) {
            out.push(`${c}「${text}」在窗口外：${Math.round(r.left)}–${Math.round(r.right)}`);
            break;
          }
          // the text itself: nothing cut by the cell (an ellipsis, or a line hidden under the next row)
          const inner = (cell.querySelector('.ag-cell-value') ?? cell) as HTMLElement;
          if (inner.scrollWidth > inner.clientWidth + 1 || (cell as HTMLElement).scrollHeight > (cell as HTMLElement).clientHeight + 2) {
            out.push(`${c}「${text}」文字被截断`);
            break;
          }
        }
      }
      // and no other shown cell cut short either (a date or a figure in a column too narrow for it)
      const cut = new Set<string>();
      for (const cell of root.querySelectorAll('.ag-center-cols-container .ag-cell, .ag-pinned-left-cols-container .ag-cell')) {
        const c = cell.getAttribute('col-id') ?? '';
        const inner = (cell.querySelector('.ag-cell-value') ?? cell) as HTMLElement;
        if (!cut.has(c) && !columns.includes(c) && inner.scrollWidth > inner.clientWidth + 1) {
          cut.add(c);
          out.push(`${c}「${(cell.textContent ?? '').slice(0, 12)}」文字被截断`);
        }
      }
      return out;
    },
    { grid, columns },
  );
}

describe('every table whole at 1366×768', () => {
  let h: Harness;
  let warnings: string;
  beforeAll(async () => {
    h = await openApp({ viewport: { width: 1366, height: 768 } });
    ({ warnings } = await fillRooms(h));
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  /** each screen at one size: its grid brought into view, screenshotted and measured */
  async function walk(width: number, height: number): Promise<Record<string, string[]>> {
    await h.page.setViewportSize({ width, height });
    const found: Record<string, string[]> = {};
    const look = async (name: string, grid: string, columns: string[]) => {
      await h.page.locator(`[data-testid="${grid}"] .ag-center-cols-container .ag-row`).first().waitFor();
      await h.page.getByTestId(grid).scrollIntoViewIfNeeded();
      await h.page.waitForTimeout(300);
      await h.screenshot(`tables-${width}-${name}`);
      const p = await measure(h, grid, columns);
      if (p.length) found[name] = p;
    };
    for (const s of SCREENS) {
      await s.go(h);
      await look(s.name, s.grid, s.columns);
    }
    // the import's warnings
    await click('nav-import')(h);
    h.dialogs.open = warnings;
    await h.page.getByTestId('choose-package').click();
    await look('导入警告', 'report-warnings', ['hint', 'message', 'row']);
    await h.page.getByTestId('import-cancel').click();
    return found;
  }

  it('shows the column that matters on each screen without sideways scrolling at 1366×768', async () => {
    expect(await walk(1366, 768)).toEqual({});
  });

  it('and at 1920×1080', async () => {
    expect(await walk(1920, 1080)).toEqual({});
  });

  it('hides a column that does not fit behind 「显示列」 and shows it again when asked', async () => {
    await h.page.setViewportSize({ width: 1366, height: 768 });
    await click('nav-meetings')(h);
    await click('mtab-meeting')(h);
    const chooser = h.page.getByTestId('comments-grid-chooser');
    await chooser.waitFor();
    await expect(chooser.textContent()).resolves.toMatch(/已隐藏 \d+ 列/);
    const hiddenHeaders = () => h.page.locator('[data-testid="comments-grid"] .ag-header-cell[col-id="person"]').count();
    await expect(hiddenHeaders()).resolves.toBe(0);
    await chooser.getByRole('button').click();
    await chooser.getByLabel('提出人').check();
    await expect.poll(hiddenHeaders).toBe(1);
  });
});
