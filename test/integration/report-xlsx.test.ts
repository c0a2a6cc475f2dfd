// Reports as a bureau's clerk opens them in Excel, read back with openpyxl: every figure a number
// with a number format (none left as text), the header row frozen and repeated on every printed
// page, each sheet fitted to the page width, the title across the table.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRows } from '../../electron/services/db/connection';
import { openOrCreateDemo } from '../../electron/services/host/bootstrap';
import { WorkspaceSession } from '../../electron/services/host/session';
import { buildReport } from '../../electron/services/reports/build';
import { render } from '../../electron/services/reports/export-report';
import { newStamp } from '../../electron/services/reports/stamp';
import type { ReportRequest } from '../../shared/reports/model';
import { parseFigure } from '../../shared/reports/sheet-cells';

const ROOT = join(__dirname, '..', '..');
const DEMO = join(ROOT, 'resources', 'demo', 'demo-region.zip');
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const READER = join(ROOT, 'test', 'fixtures', 'read_xlsx_cells.py');

interface SheetBack {
  name: string;
  freeze: string | null;
  printTitleRows: string | null;
  fitToWidth: number | null;
  fitToPage: boolean | null;
  orientation: string | null;
  merged: string[];
  cells: { ref: string; row: number; type: string; value: string | number; fmt: string }[];
}

describe('reports as Excel files', () => {
  let session: WorkspaceSession;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liangjiadi-xlsx-'));
    session = new WorkspaceSession();
    await openOrCreateDemo(session, { workspacePath: join(dir, 'demo.ljd'), demoPackage: DEMO, actor: '测试' });
  }, 60_000);
  afterAll(() => {
    session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const readBack = async (req: ReportRequest): Promise<SheetBack[]> => {
    const path = join(dir, `${req.type}.xlsx`);
    writeFileSync(path, await render(buildReport(session.db, req), 'xlsx', newStamp('测试')));
    return JSON.parse(execFileSync(PYTHON, [READER, path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as SheetBack[];
  };

  it.each([
    [
      '月告知',
      () => ({
        type: '月告知',
        period: '2025-11',
        institution: allRows<{ code: string }>(session.db, "SELECT code FROM institutions WHERE payment = 'DRG' ORDER BY code")[0]!.code,
      }),
    ],
    ['数据分析简报', () => ({ type: '数据分析简报', period: '2025-11' })],
    ['季公告', () => ({ type: '季公告', period: '2025-Q3' })],
  ] as [string, () => ReportRequest][])('%s: figures are numbers with formats, headers frozen and repeated, fitted to the page width', async (_, req) => {
    const sheets = await readBack(req());
    expect(sheets.length).toBeGreaterThan(1);
    let numbers = 0;
    for (const s of sheets) {
      expect(s.fitToPage, s.name).toBe(true);
      expect(s.fitToWidth, s.name).toBe(1);
      const figuresAsText = s.cells.filter((c) => c.type === 'str' && c.row > 2 && parseFigure(String(c.value)) !== null && !/^\d{4,}$/.test(String(c.value)));
      expect(figuresAsText, s.name).toEqual([]);
      for (const c of s.cells.filter((x) => x.type === 'float' || x.type === 'int')) {
        numbers++;
        expect(c.fmt, `${s.name}!${c.ref}`).not.toBe('General');
      }
      if (s.name === '概况') continue;
      // a table sheet: its title across the columns above a frozen header that repeats on every page
      expect(s.cells.find((c) => c.ref === 'A1')?.value, s.name).toBeTruthy();
      expect(s.merged[0] ?? 'A1', s.name).toMatch(/^A1(:[A-Z]+1)?$/);
      expect(s.freeze, s.name).toBe('A3');
      expect(s.printTitleRows, s.name).toMatch(/^\$?2:\$?2$/);
      expect(s.orientation, s.name).toMatch(/portrait|landscape/);
    }
    expect(numbers).toBeGreaterThan(10);
  });
});
