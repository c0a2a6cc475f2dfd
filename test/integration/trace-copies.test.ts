// Tracing a leaked copy, not only the file as exported: a PDF re-saved by pdftocairo, a DOCX and an
// XLSX saved again by LibreOffice, an XLSX saved again by openpyxl, the visible text copied into a
// .txt, and the id typed from a paper copy's footer (`trace --id`) — for a report and for each of the
// four lists (问题建议清单, 警示清单, ADRG建议, 意见记录). Every re-save loses the metadata or changes
// the bytes; the id printed on the pages remains.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand, traceCommand } from '../../electron/cli/report-commands.node';
import { allRows } from '../../electron/services/db/connection';
import { openOrCreateDemo } from '../../electron/services/host/bootstrap';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import { createMeeting } from '../../electron/services/meetings/meetings';
import { exportReport } from '../../electron/services/reports/export-report';
import { trace } from '../../electron/services/reports/register';
import { officeEnv, SOFFICE, soffice } from '../helpers/office';
import { tempDir } from '../helpers/temp';

const DEMO = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

// Copies re-saved by other programs (LibreOffice, pdftocairo, Python): a process each, seconds apiece.
describe('trace from any copy', { timeout: 180_000 }, () => {
  let session: WorkspaceSession;
  let dir: string;
  let hospital: string;
  let meetingId: number;
  const traced = async (path: string) => {
    const r = await trace(session.db, path);
    return { id: r.record?.id ?? null, by: r.by };
  };

  beforeAll(async () => {
    dir = tempDir();
    session = new WorkspaceSession();
    await openOrCreateDemo(session, { workspacePath: join(dir, 'demo.ljd'), demoPackage: DEMO, actor: '追溯测试' });
    hospital = allRows<{ code: string }>(session.db, "SELECT code FROM institutions WHERE payment IN ('DRG', 'DIP') ORDER BY code")[0]!.code;
    meetingId = createMeeting(
      session.db,
      { type: '数据沟通会', title: '11月数据沟通会', date: '2025-12-10', place: '医保局三楼', period: '2025-11', convenor: '张局长' },
      '追溯测试',
    ).id;
  }, 120_000);
  afterAll(() => session?.close());

  const request = () => ({ type: '月告知' as const, period: '2025-11', institution: hospital });

  it('a PDF re-saved by pdftocairo, and its visible text copied into a .txt', async () => {
    const pdf = join(dir, '月告知.pdf');
    const rec = await exportReport(session.db, request(), 'pdf', pdf, '追溯测试', 'keep');
    const resaved = join(dir, '月告知-另存.pdf');
    execFileSync('pdftocairo', ['-pdf', pdf, resaved]);
    if (process.env.KEEP_TRACE) execFileSync('cp', [pdf, resaved, process.env.KEEP_TRACE]);
    expect(execFileSync('pdfinfo', [resaved], { encoding: 'utf8' })).not.toContain('liangjiadi-export');
    expect(await traced(resaved)).toEqual({ id: rec.id, by: 'text' });
    const txt = join(dir, '复制的文字.txt');
    writeFileSync(txt, execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    expect(await traced(txt)).toEqual({ id: rec.id, by: 'text' });
    // UTF-16 with its byte-order mark, as Windows' Notepad saves “Unicode”
    const u16 = join(dir, '复制的文字-utf16.txt');
    writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`内部资料 注意保密 · 编号 ${rec.id}`, 'utf16le')]));
    expect(await traced(u16)).toEqual({ id: rec.id, by: 'text' });
    // a text naming no export: not found, and no crash
    const other = join(dir, '无关.txt');
    writeFileSync(other, '示范市医疗保障局 2025年11月');
    expect(await traced(other)).toEqual({ id: null, by: null });
  }, 120_000);

  it('an XLSX re-saved by openpyxl', async () => {
    const xlsx = join(dir, '月告知.xlsx');
    const rec = await exportReport(session.db, request(), 'xlsx', xlsx, '追溯测试', 'keep');
    const resaved = join(dir, '月告知-openpyxl.xlsx');
    const r = spawnSync(
      PYTHON,
      ['-c', 'import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); wb.properties.keywords = None; wb.save(sys.argv[2])', xlsx, resaved],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(await traced(resaved)).toEqual({ id: rec.id, by: 'text' });
  }, 120_000);

  it.skipIf(!SOFFICE)(
    'a DOCX and an XLSX saved again by LibreOffice',
    async () => {
      const env = officeEnv(join(dir, 'home'));
      for (const format of ['docx', 'xlsx'] as const) {
        const path = join(dir, `月告知-lo.${format}`);
        const rec = await exportReport(session.db, request(), format, path, '追溯测试', 'keep');
        const resaved = soffice(path, format, join(dir, `lo-${format}`), env);
        const r = await traced(resaved);
        expect(r.id, format).toBe(rec.id);
        expect(['id', 'text'], format).toContain(r.by);
      }
    },
    600_000,
  );

  it('the id read off a paper copy: trace --id, spaces and case forgiven', async () => {
    const rec = await exportReport(session.db, request(), 'pdf', join(dir, '纸质.pdf'), '追溯测试', 'keep');
    const typed = ` ${rec.id.toLowerCase().replace('-', ' - ')} `;
    const r = await traceCommand(session, { id: typed });
    expect(r.found).toBe(true);
    expect(r.text).toContain(`导出编号 ${rec.id}（依据：输入的导出编号）`);
    const channel = await dispatch('reports.traceId', { id: rec.id }, { session, actor: '追溯测试', progress: () => undefined });
    expect(channel.ok && (channel.value as { record: { id: string } | null }).record?.id).toBe(rec.id);
    expect((await traceCommand(session, { id: 'LJD-MXBUP42D-AAAAAAAA' })).found).toBe(false);
    const bad = await dispatch('reports.traceId', { id: '12345' }, { session, actor: '追溯测试', progress: () => undefined });
    expect(!bad.ok && bad.error.message).toContain('不是亮家底的导出编号');
  }, 120_000);

  it('each of the four lists: written by the CLI with an id, registered, and traced after a re-save', async () => {
    const out = join(dir, 'lists');
    const env = SOFFICE ? officeEnv(join(dir, 'home')) : null;
    const lists = [
      ['问题建议清单', { meeting: String(meetingId) }],
      ['警示清单', {}],
      ['ADRG建议', { period: '2025年下半年' }],
      ['意见记录', { institution: hospital }],
    ] as const;
    for (const [name, extra] of lists) {
      for (const format of ['xlsx', 'docx'] as const) {
        const r = await reportCommand(session, { type: name, out, format, ...extra }, '追溯测试', () => undefined);
        const { path, id } = r.value as { path: string; id: string };
        expect(r.text).toContain(`编号 ${id}`);
        expect(allRows(session.db, 'SELECT id FROM exports WHERE id = ?', id)).toHaveLength(1);
        expect(await traced(path), `${name} ${format}`).toEqual({ id, by: 'hash' });
        // re-saved: openpyxl for the workbook, LibreOffice for the Word file
        let resaved: string | null = null;
        if (format === 'xlsx') {
          resaved = path.replace(/\.xlsx$/, '-openpyxl.xlsx');
          const p = spawnSync(PYTHON, [
            '-c',
            'import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); wb.properties.keywords = None; wb.save(sys.argv[2])',
            path,
            resaved,
          ]);
          expect(p.status).toBe(0);
        } else if (env) resaved = soffice(path, 'docx', join(out, 'lo'), env);
        if (resaved) expect((await traced(resaved)).id, `${name} ${format} re-saved`).toBe(id);
      }
    }
  });
});
