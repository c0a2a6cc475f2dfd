// Spreadsheet formula injection (issue 32): a package file named `=cmd|' -c calc'!A0.zip` reaches the
// audit log as an entry's target, and the audit log's CSV export must not hand it to Excel or WPS as
// a formula. Every text cell starting with = + - @, a tab or a carriage return is written with a
// leading apostrophe (OWASP); the xlsx export keeps every cell a string, never a formula.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../electron/services/audit/audit';
import { exportAudit } from '../../electron/services/audit/audit-export';
import { inTransaction } from '../../electron/services/db/connection';
import { WorkspaceSession } from '../../electron/services/host/session';
import { toCsv } from '../../electron/services/package/write-package';
import { tempDir } from '../helpers/temp';

const HOSTILE = ["=cmd|' -c calc'!A0.zip", '+1+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];

/** The cells of a CSV written by toCsv (RFC 4180 quoting). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV cells are never formulas', () => {
  it('toCsv writes every text cell that starts with = + - @ tab or CR with a leading apostrophe; numbers stay numbers', () => {
    const rows = parseCsv(
      toCsv(['机构', '值'], [...HOSTILE.map((h) => [h, -5]), ['普通文本', 3]])
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
    for (const [i, h] of HOSTILE.entries()) expect(rows[i + 1]).toEqual([`'${h}`, '-5']);
    expect(rows.at(-1)).toEqual(['普通文本', '3']);
  });

  it('the audit log exported as CSV neutralises a hostile package file name; as xlsx it stays a string', async () => {
    const dir = tempDir();
    const s = new WorkspaceSession();
    s.create(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试', password: null });
    try {
      inTransaction(s.db, () => {
        for (const h of HOSTILE) recordAudit(s.db, { actor: '测试', action: 'import.commit', target: h });
      });
      await exportAudit(s.db, join(dir, 'audit.csv'), 'csv', '测试');
      const cells = parseCsv(readFileSync(join(dir, 'audit.csv'), 'utf8').replace(/^\uFEFF/, '')).flat();
      for (const h of HOSTILE) expect(cells).toContain(`'${h}`);
      for (const c of cells) expect(c, c).not.toMatch(/^[=+\-@\t\r]/);

      await exportAudit(s.db, join(dir, 'audit.xlsx'), 'xlsx', '测试');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, 'audit.xlsx'));
      const found: ExcelJS.Cell[] = [];
      const types = new Set<ExcelJS.ValueType>();
      wb.worksheets[0]!.eachRow((r) =>
        r.eachCell((c) => {
          types.add(c.type);
          if (HOSTILE.includes(String(c.value))) found.push(c);
        }),
      );
      // (xlsx stores a leading CR as a line break that Excel reads back without it: still text)
      // each twice: 对象 (a file name has no wording of its own) and the hidden 对象代码
      const stored = HOSTILE.filter((h) => !h.startsWith('\r'));
      expect(found.map((c) => c.value).sort()).toEqual([...stored, ...stored].sort());
      for (const c of found) expect(c.type, String(c.value)).toBe(ExcelJS.ValueType.String);
      expect(types.has(ExcelJS.ValueType.Formula)).toBe(false);
    } finally {
      s.close();
    }
  });
});
