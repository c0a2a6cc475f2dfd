// Builds package files for tests from a PackageData, and edits them the way people do.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { writeXlsxPackage, writeZipPackage, type PackageData } from '../../electron/services/package/write-package';
import { miniPackage } from './mini-package';

export async function miniXlsx(dir: string, name = 'mini.xlsx', data: PackageData = miniPackage()): Promise<string> {
  const p = join(dir, name);
  await writeXlsxPackage(data, p);
  return p;
}

export async function miniZip(dir: string, name = 'mini.zip', data: PackageData = miniPackage(), encoding: 'utf-8' | 'gb18030' = 'utf-8'): Promise<string> {
  const p = join(dir, name);
  await writeZipPackage(data, p, { encoding });
  return p;
}

/** Opens a workbook, lets the test change it (as a person in Excel would), saves it elsewhere. */
export async function editXlsx(src: string, dst: string, edit: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  await edit(wb);
  await wb.xlsx.writeFile(dst);
  return dst;
}

/** Finds the 1-based column of a header in row 1. */
export function col(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (String(c.value) === header) found = n;
  });
  if (!found) throw new Error(`no column ${header} in ${ws.name}`);
  return found;
}

/** Row number (1-based) of the first row whose cells match. */
export function findRow(ws: ExcelJS.Worksheet, match: Record<string, string>): number {
  let found = 0;
  ws.eachRow((row, n) => {
    if (found || n === 1) return;
    if (Object.entries(match).every(([h, v]) => String(row.getCell(col(ws, h)).value) === v)) found = n;
  });
  if (!found) throw new Error(`no row ${JSON.stringify(match)} in ${ws.name}`);
  return found;
}

/** A zip with arbitrary entries (names patched after writing, so yazl's own checks do not stop hostile names). */
export async function rawZip(path: string, entries: { name: string; data: Buffer; compress?: boolean }[], rename: [string, string][] = []): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { compress: e.compress ?? true, mtime: new Date(0) });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  const buf = Buffer.concat(chunks);
  for (const [from, to] of rename) {
    if (from.length !== to.length) throw new Error('rename must keep the length');
    const a = Buffer.from(from);
    let i = buf.indexOf(a);
    while (i >= 0) {
      Buffer.from(to).copy(buf, i);
      i = buf.indexOf(a, i + 1);
    }
  }
  writeFileSync(path, buf);
  return path;
}

export function fileBytes(p: string): Buffer {
  return readFileSync(p);
}
