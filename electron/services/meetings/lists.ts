// The lists the rules ask for, written as xlsx or docx marked 内部资料 注意保密: 问题建议清单 per
// meeting, 警示清单, the half-yearly technical suggestions (ADRG) report and one institution's
// history. Like a report, each file gets an export id (on every page, with the watermark, and in its
// properties) and an entry in the export register, so a leaked copy is traced; an export that
// fulfils an obligation is recorded as done for the calendar.

import { writeFileSync } from 'node:fs';
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { localDate, today } from '../../../shared/dates';
import { formatDateZh } from '../../../shared/dates-parse';
import { formatLocalDateTimeZh } from '../../../shared/format';
import type { CommentView } from '../../../shared/domain/meetings';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { inTransaction, run, type WritableDb } from '../db/connection';
import { listComments } from '../comments/comments-service';
import { meetingView } from './meetings';
import { FONTS, SIZE } from '../reports/docx-layout';
import { markText, pagedFooter, watermarkHeader } from '../reports/docx-marks';
import { register } from '../reports/register';
import { warningTable } from '../rectification/warning-list';
import { newStamp, type ExportStamp } from '../reports/stamp';

const HEADERS = ['序号', '机构', '提出人', '类别', '分类', '内容', '责任处室', '期限', '状态', '答复'];
function rows(list: CommentView[]): string[][] {
  return list.map((c, i) => [
    String(i + 1),
    c.institutionName || '—',
    c.person,
    c.kind,
    c.category,
    c.text,
    c.department || '—',
    c.dueDate ? formatDateZh(c.dueDate) : '—',
    c.status,
    c.answer || '—',
  ]);
}

const WIDTHS = [6, 24, 12, 10, 16, 50, 12, 12, 10, 40];

/** A list's columns, their widths and rows. */
interface ListTable {
  headers: string[];
  widths: number[];
  rows: string[][];
}

/** The list as a file: docx (landscape, 第 N 页 共 M 页, the watermark) or xlsx, the export id in its pages and properties. */
async function listBytes(docx: boolean, title: string, subtitle: string, table: ListTable, stamp: ExportStamp): Promise<Buffer> {
  const { headers, widths } = table;
  const mark = markText(stamp);
  if (docx) {
    // each cell carries its column's width and the layout is fixed: Word and LibreOffice otherwise share the width out by content
    const twips = widths.map((w) => Math.round((w / widths.reduce((a, x) => a + x, 0)) * 13958));
    const cell = (text: string, i: number, bold = false) =>
      new TableCell({
        width: { size: twips[i]!, type: WidthType.DXA },
        children: [new Paragraph({ children: [new TextRun({ text, bold, font: FONTS.body, size: SIZE.小五 })] })],
      });
    const doc = new Document({
      title,
      subject: subtitle,
      creator: stamp.actor,
      keywords: stamp.keyword,
      description: mark,
      lastModifiedBy: stamp.creator,
      sections: [
        {
          headers: { default: watermarkHeader(stamp) },
          footers: { default: pagedFooter(stamp) },
          properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
          children: [
            new Paragraph({ children: [new TextRun({ text: '内部资料 注意保密', font: FONTS.heading1, size: SIZE.四号 })] }),
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, bold: true, size: SIZE.二号, font: FONTS.title })] }),
            new Paragraph({
              alignment: AlignmentType.CENTER,
              spacing: { after: 120 },
              children: [new TextRun({ text: subtitle, size: SIZE.五号, font: FONTS.heading2 })],
            }),
            new Table({
              width: { size: 100, type: WidthType.PERCENTAGE },
              layout: TableLayoutType.FIXED,
              columnWidths: twips,
              rows: [
                new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, i, true)) }),
                ...table.rows.map((r) => new TableRow({ children: r.map((x, i) => cell(x, i)) })),
              ],
            }),
          ],
        },
      ],
    });
    return Packer.toBuffer(doc);
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = stamp.actor;
  wb.lastModifiedBy = stamp.creator;
  wb.keywords = stamp.keyword;
  wb.description = mark;
  wb.title = title;
  const ws = wb.addWorksheet(title.slice(0, 31), {
    headerFooter: {
      oddHeader: `&L内部资料 注意保密&R编号 ${stamp.id}`,
      oddFooter: `&L导出人 ${stamp.actor} · ${formatLocalDateTimeZh(stamp.time)}&R第 &P 页 共 &N 页`,
    },
    pageSetup: { orientation: 'landscape' },
  });
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([`${subtitle} · ${mark}`]).font = { color: { argb: 'FFC8372D' } };
  ws.addRow(headers).font = { bold: true };
  for (const r of table.rows) ws.addRow(r);
  ws.columns.forEach((c, i) => (c.width = widths[i] ?? 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type ListKind = '问题建议清单' | '警示清单' | '技术建议报告' | '机构意见记录';
export const LIST_KINDS: readonly ListKind[] = ['问题建议清单', '警示清单', '技术建议报告', '机构意见记录'];

/** Writes one of the lists the rules ask for; records it as done for the calendar where it is an obligation. */
export async function exportList(
  db: WritableDb,
  kind: ListKind,
  opts: { meetingId?: number; institution?: string; half?: string },
  path: string,
  actor: string,
): Promise<{ path: string; rows: number; id: string }> {
  let list: CommentView[] = [];
  let table: ListTable | null = null;
  let title: string;
  let subtitle: string;
  let done: { kind: string; subject: string } | null = null;
  if (kind === '问题建议清单') {
    if (!opts.meetingId) throw new AppError('INVALID_INPUT', '请选择会议。', '');
    const m = meetingView(db, opts.meetingId);
    list = listComments(db, { meetingId: m.id });
    title = `${m.title}问题建议清单`;
    subtitle = `${formatDateZh(m.date)} ${m.place} · 应于 ${formatDateZh(m.listDue)} 前报送`;
    done = { kind: '问题建议清单', subject: String(m.id) };
  } else if (kind === '警示清单') {
    table = warningTable(db);
    title = '定点医疗机构警示清单';
    subtitle = `需提醒规范医疗行为的定点医疗机构 · 整改事项 ${table.rows.length} 项（截至 ${formatDateZh(today())}）`;
  } else if (kind === '技术建议报告') {
    const half = opts.half ?? '';
    const m = /^(\d{4})-H([12])$/.exec(half);
    if (!m) throw new AppError('INVALID_INPUT', '请选择半年度，如 2025-H1。', '');
    const [from, to] = m[2] === '1' ? [`${m[1]}-01-01`, `${m[1]}-06-30`] : [`${m[1]}-07-01`, `${m[1]}-12-31`];
    list = listComments(db, {}).filter(
      (c) => c.category.startsWith('技术规范') && localDate(new Date(c.createdAt)) >= from && localDate(new Date(c.createdAt)) <= to,
    );
    title = `${m[1]}年${m[2] === '1' ? '上' : '下'}半年技术规范（ADRG分组）建议汇总`;
    subtitle = `报送截止 ${m[1]}年${m[2] === '1' ? '7月15日' : '12月15日'}`;
    done = { kind: '技术建议报告', subject: half };
  } else {
    if (!opts.institution) throw new AppError('INVALID_INPUT', '请选择机构。', '');
    list = listComments(db, { institution: opts.institution });
    title = `${list[0]?.institutionName ?? opts.institution}意见与答复记录`;
    subtitle = '历次意见建议、异议申诉及答复';
  }
  const stamp = newStamp(actor);
  table ??= { headers: HEADERS, widths: WIDTHS, rows: rows(list) };
  const bytes = await listBytes(path.toLowerCase().endsWith('.docx'), title, subtitle, table, stamp);
  writeFileSync(path, bytes);
  await register(
    db,
    stamp,
    { type: kind, period: opts.half ?? '', institution: opts.institution ?? null },
    path.toLowerCase().endsWith('.docx') ? 'docx' : 'xlsx',
    path,
    bytes,
  );
  inTransaction(db, () => {
    if (done) run(db, 'INSERT INTO done_events (kind, subject, date, source) VALUES (?, ?, ?, ?)', done.kind, done.subject, today(), `export:${path}`);
    recordAudit(db, { actor, action: 'meeting.exportList', target: path, details: { kind, rows: table.rows.length, ...opts } });
  });
  return { path, rows: table.rows.length, id: stamp.id };
}
