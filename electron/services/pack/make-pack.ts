// Making 机构数据包s: one hospital's pack for a range of months, or a pack for every hospital (or
// every hospital of a level) with progress and cancel. Each pack gets its own password; the
// passwords go on a separate sheet (a PDF to print and hand over apart from the files). Every pack
// and every sheet is stamped, written atomically and entered in the export register, so `trace`
// names the export any copy came from.

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { formatPeriodZh } from '../../../shared/period';
import type { ExportRecord, ReportDoc } from '../../../shared/reports/model';
import type { ReportType } from '../../../shared/reports/registry';
import { PACK_PASSWORD_SHEET, PACK_TYPE } from '../../../shared/pack/payload';
import type { WritableDb } from '../db/connection';
import { register } from '../reports/register';
import { renderPdf } from '../reports/render-pdf';
import { newStamp } from '../reports/stamp';
import { institutionFileLabel } from '../reports/export-report';
import { gatherPack, packMonths, type PackSubject } from './gather';
import { PackContext } from './pack-context';
import { packPage } from './page';
import { newPassword, seal } from './seal';

export interface PackResult {
  record: ExportRecord;
  password: string;
  bytes: number;
}

export interface PackBatchResult {
  files: { record: ExportRecord; institution: string; name: string }[];
  sheet: ExportRecord | null;
  cancelled: boolean;
  total: number;
}

function writeAtomic(path: string, bytes: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.part`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const msg = e instanceof Error ? e.message : String(e);
    throw new AppError('INVALID_INPUT', `无法写入文件：${path}（${msg}）`, '请确认目标文件夹存在、有写入权限，且文件未被其他程序打开。');
  }
}

/** One pack: gathered, sealed with a new password, written and registered. */
async function writePack(db: WritableDb, ctx: PackContext, s: PackSubject, path: string, actor: string, iterations?: number): Promise<PackResult> {
  const stamp = newStamp(actor);
  const payload = gatherPack(ctx, s, stamp);
  const password = newPassword();
  const html = packPage(
    await seal(payload, password, iterations),
    { hospitalName: payload.hospital.name, hospitalCode: payload.hospital.code, from: payload.from, to: payload.to },
    stamp,
  );
  const bytes = Buffer.from(html, 'utf8');
  writeAtomic(path, bytes);
  const record = await register(db, stamp, { type: PACK_TYPE, period: `${payload.from}~${payload.to}`, institution: s.institution }, 'html', path, bytes);
  return { record, password, bytes: bytes.length };
}

export const packFileName = (code: string, name: string, from: string, to: string) =>
  `${PACK_TYPE}-${institutionFileLabel(code, name)}-${formatPeriodZh(from)}至${formatPeriodZh(to)}.html`;

/** The password sheet: one line per pack, to print and hand over apart from the files. */
async function writeSheet(
  db: WritableDb,
  regionName: string,
  lines: { code: string; name: string; file: string; id: string; password: string }[],
  from: string,
  to: string,
  path: string,
  actor: string,
): Promise<ExportRecord> {
  const stamp = newStamp(actor);
  const doc: ReportDoc = {
    // the sheet is no report type of the registry; the writer only prints the type in the file's subject
    request: { type: PACK_PASSWORD_SHEET as ReportType, period: '' },
    title: PACK_PASSWORD_SHEET,
    subtitle: `${regionName} · ${formatPeriodZh(from)}至${formatPeriodZh(to)} · 共 ${lines.length} 份`,
    regionName,
    blocks: [
      {
        kind: 'paragraph',
        text: '每份数据包的密码只在此表。请将密码与数据包文件分开交付医疗机构（例如文件以光盘或U盘交付，密码当面或以纸质密封件交付），不得与文件放在同一邮件、同一U盘中。',
      },
      {
        kind: 'table',
        title: '密码',
        columns: [
          { title: '机构编码', width: 1.6 },
          { title: '机构名称', width: 3 },
          { title: '导出编号', width: 2.6 },
          { title: '密码', width: 2.6 },
          { title: '签收', width: 1.4 },
        ],
        rows: lines.map((l) => [l.code, l.name, l.id, l.password, '']),
      },
    ],
  };
  const bytes = await renderPdf(doc, stamp);
  writeAtomic(path, bytes);
  return register(db, stamp, { type: PACK_PASSWORD_SHEET, period: `${from}~${to}`, institution: null }, 'pdf', path, bytes);
}

/** One hospital's pack, and its password sheet next to it. */
export async function makePack(
  db: WritableDb,
  s: PackSubject & { path: string },
  actor: string,
  iterations?: number,
): Promise<PackResult & { sheet: ExportRecord }> {
  const ctx = new PackContext(db);
  const r = await writePack(db, ctx, s, s.path, actor, iterations);
  const me = ctx.insts.get(s.institution)!;
  const months = packMonths(ctx, s.from, s.to);
  const sheetPath = s.path.replace(/\.html?$/i, '') + '-密码单.pdf';
  const sheet = await writeSheet(
    db,
    ctx.reports.regionName,
    [{ code: me.code, name: me.name, file: basename(s.path), id: r.record.id, password: r.password }],
    months[0]!,
    months[months.length - 1]!,
    sheetPath,
    r.record.actor,
  );
  return { ...r, sheet };
}

export async function makePackBatch(
  db: WritableDb,
  input: { band: string | null; from: string; to: string; dir: string },
  actor: string,
  progress: (done: number, total: number, name: string) => void,
  cancelled: () => boolean,
  iterations?: number,
): Promise<PackBatchResult> {
  const ctx = new PackContext(db);
  const months = packMonths(ctx, input.from, input.to);
  const [from, to] = [months[0]!, months[months.length - 1]!];
  const hospitals = [...ctx.insts.values()].filter((i) => input.band === null || i.band === input.band).sort((a, b) => (a.code < b.code ? -1 : 1));
  if (!hospitals.length) throw new AppError('INVALID_INPUT', `工作区中没有${input.band ?? ''}医疗机构。`, '请选择其他级别，或先导入机构名单。');
  const files: PackBatchResult['files'] = [];
  const lines: { code: string; name: string; file: string; id: string; password: string }[] = [];
  let stopped = false;
  for (const [i, h] of hospitals.entries()) {
    // let a cancel and the page's reads in between packs
    await new Promise((r) => setImmediate(r));
    if (cancelled()) {
      stopped = true;
      break;
    }
    progress(i, hospitals.length, h.name);
    const path = join(input.dir, packFileName(h.code, h.name, from, to));
    const r = await writePack(db, ctx, { institution: h.code, from, to }, path, actor, iterations);
    files.push({ record: r.record, institution: h.code, name: h.name });
    lines.push({ code: h.code, name: h.name, file: basename(path), id: r.record.id, password: r.password });
  }
  // the packs written so far are usable only with their passwords: the sheet is written even after a cancel
  progress(files.length, hospitals.length, '密码表');
  const sheet = lines.length
    ? await writeSheet(
        db,
        ctx.reports.regionName,
        lines,
        from,
        to,
        join(input.dir, `${PACK_PASSWORD_SHEET}-${formatPeriodZh(from)}至${formatPeriodZh(to)}-${lines.length}份.pdf`),
        actor,
      )
    : null;
  return { files, sheet, cancelled: stopped, total: hospitals.length };
}
