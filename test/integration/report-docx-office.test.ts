// Word files as an office opens them: each report written as DOCX, converted by LibreOffice
// (soffice --headless --convert-to pdf) and its pages read back — a picture per chart, the watermark
// on every page, the 落款 (issuing body and date), page numbers 「— N —」, no number cell wrapped —
// and the pages rendered to PNG (test-output/report-docx/) to be looked at. Skipped without soffice.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRows } from '../../electron/services/db/connection';
import { openOrCreateDemo } from '../../electron/services/host/bootstrap';
import { WorkspaceSession } from '../../electron/services/host/session';
import { buildReport } from '../../electron/services/reports/build';
import { exportReport } from '../../electron/services/reports/export-report';
import { dateZh } from '../../electron/services/reports/docx-layout';
import { today } from '../../shared/dates';
import type { ReportRequest } from '../../shared/reports/model';
import { createMeeting, saveMinutes } from '../../electron/services/meetings/meetings';
import { officeEnv, SOFFICE, soffice } from '../helpers/office';
import { tempDir } from '../helpers/temp';

const DEMO = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');
const SHOTS = join(__dirname, '..', '..', 'test-output', 'report-docx');
// LibreOffice converts each report's DOCX (a process each): about 20 s alone, a minute with both cores busy.
describe.skipIf(!SOFFICE)('Word files through LibreOffice', { timeout: 180_000 }, () => {
  let session: WorkspaceSession;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let meetingId: number;

  beforeAll(async () => {
    dir = tempDir();
    env = officeEnv(join(dir, 'home'));
    mkdirSync(SHOTS, { recursive: true });
    session = new WorkspaceSession();
    await openOrCreateDemo(session, { workspacePath: join(dir, 'demo.ljd'), demoPackage: DEMO, actor: '报告测试' });
    const m = createMeeting(
      session.db,
      { type: '数据沟通会', title: '11月数据沟通会', date: '2025-12-10', place: '医保局三楼', period: '2025-11', convenor: '张局长' },
      '报告测试',
    );
    saveMinutes(session.db, m.id, '通报11月数据。', '各医院核实数据。', '报告测试');
    meetingId = m.id;
  });
  afterAll(() => session?.close());

  // one test per report, each a LibreOffice conversion: the slowest (年通报) took 10 s at load 14 when
  // all eight ran as one test of 47 s; the describe's 180 s is three times that with room
  const requests: [string, () => ReportRequest][] = [
    ['月告知 2025-11', () => ({ type: '月告知', period: '2025-11', institution: drgHospital() })],
    ['数据分析简报 2025-11', () => ({ type: '数据分析简报', period: '2025-11' })],
    ['季公告 2025-Q3', () => ({ type: '季公告', period: '2025-Q3' })],
    ['年通报 2025', () => ({ type: '年通报', period: '2025' })],
    ['数据分析简报 2025-Q3', () => ({ type: '数据分析简报', period: '2025-Q3' })],
    ['省级报送 2025-Q3', () => ({ type: '省级报送', period: '2025-Q3' })],
    ['绩效评价 2025-11', () => ({ type: '绩效评价', period: '2025-11' })],
    ['会议纪要 2025-11', () => ({ type: '会议纪要', period: '2025-11', meetingId })],
  ];
  const drgHospital = () =>
    allRows<{ code: string }>(session.db, "SELECT code FROM institutions WHERE level = '三级' AND payment IN ('DRG', 'DIP') ORDER BY code")[0]!.code;
  it.each(requests)('%s: a picture per chart, the watermark and page numbers on every page, the 落款, no wrapped number cell', async (_n, make) => {
    const req = make();
    const doc = buildReport(session.db, req);
    const name = `${req.type}-${req.period}`;
    const path = join(dir, `${name}.docx`);
    const rec = await exportReport(session.db, req, 'docx', path, '报告测试', 'keep');
    const pdf = soffice(path, 'pdf', dir, env);
    copyFileSync(pdf, join(SHOTS, `${name}.pdf`));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf, join(SHOTS, name)]);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const charts = doc.blocks.filter((b) => b.kind === 'chart').length;
    // pdfimages: the watermark on each page — the one transparent picture, so followed by its soft
    // mask (only the band its text covers: narrower than the page's 893 pixels) — and one picture per chart
    const list = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    const masked = (i: number) => / smask /.test(list[i + 1] ?? '');
    const images = list.flatMap((l, i) =>
      / smask /.test(l) ? [] : [{ page: Number(l.trim().split(/\s+/)[0]), width: Number(l.trim().split(/\s+/)[3]), masked: masked(i) }],
    );
    const watermarks = images.filter((m) => m.masked);
    expect(new Set(watermarks.map((m) => m.page)).size, name).toBe(pages);
    for (const m of watermarks) expect(m.width, name).toBeLessThan(893);
    expect(images.length - watermarks.length, name).toBe(charts);
    for (let p = 1; p <= pages; p++) {
      const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, ''), `${name} p${p}`).toContain(`—${p}—`);
      expect(text.replace(/\s+/g, ''), `${name} p${p}`).toContain(`编号${rec.id}`);
    }
    const all = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const squeezed = all.replace(/\s+/g, '');
    expect(squeezed, name).toContain(`${doc.issuer}${dateZh(today())}`);
    // no number cell wrapped: every right-aligned cell's text is found whole on one line
    // (pdftotext puts a space where the font changes, between digits and 万元: compared without spaces)
    const lines = all.split('\n').map((l) => l.replace(/\s+/g, ''));
    for (const t of doc.blocks.filter((b) => b.kind === 'table')) {
      const numeric = t.columns.flatMap((c, i) => (c.align === 'right' ? [i] : []));
      for (const r of t.rows.slice(0, 40))
        for (const i of numeric) {
          const cell = r[i]!.replace(/\s+/g, '');
          if (cell.length < 4) continue;
          expect(
            lines.some((l) => l.includes(cell)),
            `${name} ${t.title} ${t.columns[i]!.title}: ${cell}`,
          ).toBe(true);
        }
    }
    expect(
      readdirSync(SHOTS).some((f) => f.startsWith(name) && f.endsWith('.png')),
      name,
    ).toBe(true);
    expect(readFileSync(path).subarray(0, 2).toString(), name).toBe('PK');
  });
});
