// 整改通知: the letter to one hospital naming each of its open 整改事项, the reason with its figures as
// frozen when the item was made, and the date its 反馈 is due (30 days after; seed 002). Made as a
// report document (PDF or Word through the reports' writers: the watermark, the export id on every
// page, the 落款 with the region's issuing body), entered in the export register like every report.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatDateZh } from '../../../shared/dates-parse';
import { SOURCE_LABEL, type RectificationView } from '../../../shared/domain/rectification';
import { AppError } from '../../../shared/errors';
import { formatPeriodZh } from '../../../shared/period';
import type { ExportRecord, ReportDoc } from '../../../shared/reports/model';
import { chainHead } from '../audit/audit';
import { getValue, type ReadableDb, type WritableDb } from '../db/connection';
import { render } from '../reports/export-report';
import { register } from '../reports/register';
import { newStamp } from '../reports/stamp';
import { issuerOf } from '../settings/settings';
import { listItems } from './rectification-service';

export const NOTICE_TYPE = '整改通知';

/** The hospital's open items (not 已关闭), oldest first: what the notice names. */
export function noticeItems(db: ReadableDb, institution: string, on?: string): RectificationView[] {
  return listItems(db, { institution }, on)
    .filter((i) => i.state !== '已关闭')
    .reverse();
}

/** The notice as a report document; refused when the hospital has no open item. */
export function noticeDoc(db: ReadableDb, institution: string, on?: string): ReportDoc {
  const name = getValue<string>(db, 'SELECT name FROM institutions WHERE code = ?', institution);
  if (name === undefined) throw new AppError('INVALID_INPUT', `机构编码 ${institution} 不在本工作区中。`, '请核对机构编码（见“机构”名单）。');
  const items = noticeItems(db, institution, on);
  if (!items.length)
    throw new AppError('INVALID_INPUT', `${name}没有未关闭的整改事项，无需发整改通知。`, '先在“整改事项”中把红色预警、红色等级或发现的问题转为整改事项。');
  const issuer = issuerOf(db);
  const earliest = items.map((i) => i.feedbackDue).sort()[0]!;
  const region = getValue<string>(db, 'SELECT region_name FROM workspace WHERE id = 1') ?? '';
  return {
    request: { type: '月告知', period: '', institution },
    kind: NOTICE_TYPE,
    title: '整改通知',
    subtitle: `${name}（${institution}）`,
    regionName: region,
    issuer,
    blocks: [
      { kind: 'paragraph', text: `${name}：` },
      {
        kind: 'paragraph',
        text:
          `按照医保数据工作组“评议—反馈—整改—复查”的工作要求，经数据分析和评议，你单位存在以下 ${items.length} 项需要整改的事项。` +
          `请对照各事项所列原因和数据逐项核实，于反馈期限前（最早为 ${formatDateZh(earliest)}）将情况说明和整改措施书面反馈${issuer}；整改完成后提出复查申请。`,
      },
      {
        kind: 'table',
        title: '整改事项',
        columns: [
          { title: '序号', align: 'center', width: 5 },
          { title: '来源', width: 12 },
          { title: '原因（含数据）', width: 48 },
          { title: '登记日期', align: 'center', width: 12 },
          { title: '反馈期限', align: 'center', width: 12 },
          { title: '状态', align: 'center', width: 8 },
        ],
        rows: items.map((i, n) => [
          String(n + 1),
          `${SOURCE_LABEL[i.source]}${i.period ? `（${formatPeriodZh(i.period)}）` : ''}`,
          i.reason,
          formatDateZh(i.createdDate),
          formatDateZh(i.feedbackDue),
          i.state,
        ]),
      },
      {
        kind: 'paragraph',
        text: '逾期未反馈的，将在下次数据沟通会上通报，并列入警示清单。对所列数据有异议的，可在反馈中提出并附相关材料。',
      },
    ],
  };
}

/** Writes the notice (pdf or docx), stamped and registered; the register's subject is the hospital. */
export async function exportNotice(
  db: WritableDb,
  institution: string,
  format: 'pdf' | 'docx',
  path: string,
  actor: string,
): Promise<ExportRecord & { items: number }> {
  const doc = noticeDoc(db, institution);
  const stamp = newStamp(actor, chainHead(db));
  const bytes = await render(doc, format, stamp);
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    throw new AppError(
      'INVALID_INPUT',
      `无法写入文件：${path}（${e instanceof Error ? e.message : String(e)}）`,
      '请确认目标文件夹有写入权限，且文件未被其他程序打开。',
    );
  }
  const record = await register(db, stamp, { type: NOTICE_TYPE, period: '', institution }, format, path, bytes);
  return { ...record, items: (doc.blocks[2] as { rows: string[][] }).rows.length };
}
