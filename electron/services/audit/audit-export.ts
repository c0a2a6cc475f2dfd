// The audit log leaves the workspace whole, for inspection or archiving (kept at least five years:
// nothing in the app deletes entries): every entry in order with its hashes, and the chain's
// verification at the top, as xlsx or CSV (UTF-8 with BOM, opens in Excel and WPS).

import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { auditActionName } from '../../../shared/domain/audit-actions';
import { auditTargetName } from '../../../shared/domain/audit-targets';
import { formatDateTimeZh } from '../../../shared/format';
import { inTransaction, type ReadableDb, type WritableDb } from '../db/connection';
import { anchorText, compareWithAnchor } from './anchor';
import { toCsv } from '../package/write-package';
import { chainHead, recordAudit, verifyAuditChain } from './audit';
import { fitColumns } from '../export/xlsx-format';
import { ownerOnly } from '../export/owner-only';

export interface ChainStatus {
  ok: boolean;
  count: number;
  brokenAt: number | null;
  text: string;
}

/** The chain re-computed, and compared with the anchor outside the database (anchor.ts). Reads only. */
export function chainStatus(db: ReadableDb): ChainStatus {
  const v = verifyAuditChain(db);
  const { count } = chainHead(db);
  const anchor = compareWithAnchor(db);
  const anchorOk = anchor.state === 'ok';
  const chain = v.ok ? `哈希链完整：共 ${count} 条记录，逐条核对无误` : `哈希链在第 ${v.brokenAt} 条记录处断开：该条或其前一条记录被改动或删除`;
  return {
    ok: v.ok && anchorOk,
    count,
    brokenAt: v.ok ? (anchor.state === 'rewritten' ? anchor.at : null) : v.brokenAt,
    text: `${chain}；${anchorText(anchor)}`,
  };
}

// the action and its object in words for people (意见 5 号); their codes last, for scripts (hidden columns in the workbook)
const HEADER = ['序号', '时间', '操作人', '操作', '对象', '详情', '前一条哈希', '本条哈希', '操作代码', '对象代码'];

export async function exportAudit(
  db: WritableDb,
  path: string,
  format: 'xlsx' | 'csv',
  actor: string,
): Promise<{ path: string; rows: number; chain: ChainStatus }> {
  const chain = chainStatus(db);
  const rows = db.conn.prepare('SELECT id, at, actor, action, target, details, prev_hash, hash FROM audit_log ORDER BY id').raw().all() as [
    number,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ][];
  const out = rows.map(([id, at, who, action, target, details, prev, hash]) => [
    id,
    formatDateTimeZh(at),
    who,
    auditActionName(action),
    auditTargetName(target),
    details,
    prev,
    hash,
    action,
    target,
  ]);
  if (format === 'csv') {
    writeFileSync(path, toCsv(HEADER, [[`校验结果：${chain.text}`, ...HEADER.slice(1).map(() => '')], ...out]));
  } else {
    const wb = new ExcelJS.Workbook();
    wb.creator = '亮家底';
    const ws = wb.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 3 }] });
    ws.addRow(['审计日志（内部资料 注意保密）']).font = { bold: true, size: 14 };
    ws.addRow([`校验结果：${chain.text}`]).font = { color: { argb: chain.ok ? 'FF145C33' : 'FFC8372D' }, bold: true };
    ws.addRow(HEADER).font = { bold: true };
    for (const r of out) ws.addRow(r);
    fitColumns(ws, 3);
    ws.getColumn(HEADER.length - 1).hidden = true;
    ws.getColumn(HEADER.length).hidden = true;
    await wb.xlsx.writeFile(path);
  }
  ownerOnly(path);
  inTransaction(db, () => recordAudit(db, { actor, action: 'audit.export', target: path, details: { rows: rows.length, chainOk: chain.ok } }));
  return { path, rows: rows.length, chain };
}
