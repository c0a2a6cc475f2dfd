import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveComment, transitionComment } from '../../electron/services/comments/comments-service';
import { exportList, LIST_KINDS } from '../../electron/services/meetings/lists';
import { REPORT_TYPES } from '../../shared/reports/model';
import { today } from '../../shared/dates';
import { fillRooms } from './fill-rooms';
import { closeBrowser, openApp, type Harness } from './harness';

// Issue 33, "Chinese for people": every text node of every screen, and every exported list, read
// as a person reads them — no English word outside the few a convenor uses as such (units, codes,
// product names), no ISO date (2026-01-15, 2025-12, 2025-Q4) and no ASCII minus before a number.
// The browser runs in en-US: whatever the machine, what people read is Chinese.

/**
 * Words people here read as they are: file formats and the workspace's extension, payment-method and
 * grouping names, a medical term in an indicator's name (ECMO), sizes, the keys a presenter presses,
 * the export number's prefix, and the example of typing pinyin initials in the institution search.
 */
const WORDS = new Set([
  ...['DRG', 'DIP', 'ADRG', 'CMI', 'ECMO'],
  ...['PDF', 'Excel', 'Word', 'xlsx', 'docx', 'csv', 'zip', 'ljd', 'PNG', 'SVG', 'SHA', 'CSV', 'XLSX', 'DOCX', 'ZIP', 'HTML'],
  ...['KB', 'MB', 'GB', 'Esc', 'PageDown', 'PageUp', 'LJD', 'srmyy'],
]);

/** What is not Chinese for people in one text: each finding with the text around it. */
function foreign(text: string): string[] {
  const out: string[] = [];
  // data is blanked out character for character, so that a finding's place is its place in the text
  const blank = (w: string) => ' '.repeat(w.length);
  const at = (i: number, n: number) => text.slice(Math.max(0, i - 8), i + n + 8);
  // file names and paths, export numbers (LJD-…), institution and indicator codes, hashes: data, not words
  const data = text
    .replace(/(?:[A-Za-z]:)?[\\/][^\s，。；：）]*|[^\s\\/，。；：（）“”]+\.(?:ljd|xlsx|docx|pdf|zip|csv|html|png|svg)/g, blank)
    .replace(/\bLJD-[A-Z0-9]+-[A-Z0-9]+\b/g, blank);
  for (const m of data.matchAll(/\d{4}-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12])(?!\d)/g)) out.push(`ISO日期「${at(m.index, m[0].length)}」`);
  const cleaned = data
    .replace(/\d{4}-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12])(?!\d)/g, blank)
    .replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, blank)
    .replace(/\b[A-Za-z0-9_]*\d[A-Za-z0-9_]*\b/g, (w) => (/^\d+$/.test(w) ? w : blank(w)));
  for (const m of cleaned.matchAll(/(?<![\w.-])-(?=\d)/g)) out.push(`ASCII减号「${at(m.index, 1)}」`);
  // a change that rounds to nothing is 0.00 or 持平, never −0.00
  for (const m of cleaned.matchAll(/[−-]0(?:\.0+)?(?![.\d])/g)) out.push(`负零「${at(m.index, m[0].length)}」`);
  if (text.startsWith('未命名的表格列')) out.push(text);
  for (const m of cleaned.matchAll(/[A-Za-z]{2,}/g)) if (!WORDS.has(m[0])) out.push(`英文「${at(m.index, m[0].length)}」`);
  return out;
}

type Step = { name: string; go: (h: Harness) => Promise<void> };
/** the package with warnings (fill-rooms.ts), checked on the import screen */
let warnings = '';
const click = (id: string) => async (h: Harness) => {
  await h.page.getByTestId(id).click();
  await h.page.waitForTimeout(400);
};
const STEPS: Step[] = [
  { name: '数据总览', go: click('nav-overview') },
  { name: '横向对比', go: async (h) => (await click('mode-analysis')(h), await click('atab-ranking')(h)) },
  {
    name: 'trend',
    go: async (h) => {
      await click('atab-trend')(h);
      await h.page.getByTestId('pick-institution').selectOption('H99010000001');
      await h.page.locator('[data-testid="grid-trend"] .ag-row').first().waitFor();
    },
  },
  ...['quadrant', 'distribution', 'drg', 'flags', 'deck'].map((t) => ({ name: t, go: click(`atab-${t}`) })),
  {
    name: 'hospital',
    go: async (h) => {
      await click('atab-hospital')(h);
      await h.page.getByTestId('pick-institution').selectOption('H99010000001');
      await h.page.waitForTimeout(400);
    },
  },
  { name: '数据导入', go: click('nav-import') },
  {
    name: '导入检查',
    go: async (h) => {
      h.dialogs.open = warnings;
      await click('choose-package')(h);
      await h.page.getByTestId('report-ok-banner').waitFor();
    },
  },
  { name: '导入取消', go: click('import-cancel') },
  { name: '工作组成员', go: async (h) => (await click('nav-members')(h), await click('tab-members')(h)) },
  ...['pool', 'rules', 'draw', 'history'].map((t) => ({ name: t, go: click(`tab-${t}`) })),
  { name: '会议', go: async (h) => (await click('nav-meetings')(h), await click('mtab-meeting')(h)) },
  ...['open', 'calendar', 'search'].map((t) => ({ name: t, go: click(`mtab-${t}`) })),
  { name: '报告', go: click('nav-reports') },
  ...REPORT_TYPES.map((t) => ({ name: t, go: click(`report-type-${t}`) })),
  { name: '设置与审计', go: click('nav-settings') },
];

/** every text node on the page (and the placeholders and tooltips people read), with the screen's name */
function texts(h: Harness): Promise<string[]> {
  return h.page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('script, style, noscript') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.trim()) out.push(n.textContent.trim());
    // every table column named
    for (const cell of document.querySelectorAll('.ag-header-cell'))
      if (!cell.textContent?.trim()) out.push(`未命名的表格列（${cell.getAttribute('col-id') ?? ''}）`);
    for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]'))
      for (const a of ['placeholder', 'title', 'aria-label']) {
        const v = el.getAttribute(a);
        if (v?.trim()) out.push(v.trim());
      }
    return out;
  });
}

/** the text of an exported list: an xlsx's cells, header and footer; a docx's paragraphs */
async function listText(path: string): Promise<string[]> {
  if (path.endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const out: string[] = [];
    wb.eachSheet((ws) => {
      out.push(ws.name, ws.headerFooter.oddHeader ?? '', ws.headerFooter.oddFooter ?? '');
      ws.eachRow((r) => r.eachCell((c) => out.push(String(c.text))));
    });
    // Excel's header and footer codes (&L, &R, &P, &N) are not text
    return out.map((t) => t.replace(/&[LCRPN]/g, ' '));
  }
  const xml = execFileSync('unzip', ['-p', path, 'word/document.xml', 'word/header1.xml', 'word/footer1.xml'], { encoding: 'utf8' });
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
}

describe('Chinese in every text node, in en-US', () => {
  let h: Harness;
  let meetingId: number;
  beforeAll(async () => {
    h = await openApp({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    ({ meetingId, warnings } = await fillRooms(h));
    const db = h.session.db;
    // a comment for each list: one irregular (警示清单), one on the ADRG grouping this half-year, one answered
    const c = saveComment(
      db,
      null,
      {
        meetingId,
        institution: 'H99010000002',
        person: '赵主任',
        kind: '意见建议',
        category: '技术规范 ADRG分组',
        text: '建议细分ES2组，差异系数−0.5以下的病例单独成组。',
      },
      'e2e测试',
    );
    transitionComment(db, c.id, '整改中', { note: '限期整改', irregular: true }, 'e2e测试');
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  it('finds no English word, ISO date or ASCII minus on any screen', async () => {
    const found: Record<string, string[]> = {};
    for (const s of STEPS) {
      await s.go(h);
      const f = [...new Set((await texts(h)).flatMap(foreign))];
      if (f.length) found[s.name] = f;
    }
    expect(found).toEqual({});
  }, 240_000); // walks 35 screens: 25 s at load 7 on 2 cores with one file at a time; two files share the cores now

  it('finds none in the exported lists (问题建议清单, 警示清单, ADRG建议, 意见记录), in xlsx and docx', async () => {
    const half = `${today().slice(0, 4)}-H${Number(today().slice(5, 7)) <= 6 ? 1 : 2}`;
    const found: Record<string, string[]> = {};
    for (const kind of LIST_KINDS)
      for (const ext of ['xlsx', 'docx']) {
        const path = join(h.dir, `${kind}.${ext}`);
        await exportList(h.session.db, kind, { meetingId, institution: 'H99010000002', half }, path, 'e2e测试');
        const text = await listText(path);
        expect(text.join('')).not.toBe('');
        const f = [...new Set(text.flatMap(foreign))];
        if (f.length) found[`${kind}.${ext}`] = f;
      }
    expect(found).toEqual({});
  });

  it('tells the findings it is meant to find', () => {
    expect(foreign('截止 2026-01-15')).toHaveLength(1);
    expect(foreign('2025-12 的数据')).toHaveLength(1);
    expect(foreign('2025-Q4')).toHaveLength(1);
    expect(foreign('同比 -2.79亿元')).toHaveLength(1);
    expect(foreign('action report.export')).toHaveLength(3);
    expect(foreign('同比 −0.00个百分点')).toHaveLength(1);
    // data and the words allowed
    expect(foreign('同比 −2.79亿元 · 编号 LJD-MJ3K2-ABCD · H99010000001 · 病组 ES23 · DRG 付费 · 第 1-3 页 · /tmp/x-1/demo.ljd · 更正.xlsx')).toEqual([]);
  });
});
