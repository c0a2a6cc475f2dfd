// Repeated DRG/DIP group rows in a package written by another tool (Python's zipfile rewriting the
// demo package): each repeat is warned about once, naming its own row and the row it repeats, in
// row order; the same group code under the other scheme, or in another month, is not a repeat; and
// both rows are imported, as the warning says.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportService } from '../../electron/services/import/import-service';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { tempDir } from '../helpers/temp';

const DEMO = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');

// appends to groups.csv: row 2 again, row 3 again twice, row 2's group as DIP, row 2's group a month later
const REWRITE = `
import hashlib, json, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
zin = zipfile.ZipFile(src)
files = {n: zin.read(n) for n in zin.namelist()}
lines = files['groups.csv'].decode('utf-8-sig').rstrip('\\n').split('\\n')
r2, r3 = lines[1].split(','), lines[2].split(',')
dip = list(r2); dip[2] = 'DIP'
later = list(r2); later[1] = '2023-02' if r2[1] != '2023-02' else '2023-03'
extra = [','.join(r2), ','.join(r3), ','.join(dip), ','.join(r3), ','.join(later)]
files['groups.csv'] = ('\\ufeff' + '\\n'.join(lines + extra) + '\\n').encode('utf-8')
m = json.loads(files['manifest.json'])
for f in m['files']:
    f['sha256'] = hashlib.sha256(files[f['path']]).hexdigest()
files['manifest.json'] = json.dumps(m, ensure_ascii=False, indent=2).encode('utf-8')
with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as z:
    for n, b in files.items():
        z.writestr(n, b)
print(len(lines))
`;

describe('repeated group rows', () => {
  it('are warned about once each, naming both rows, and both are imported', async () => {
    const dir = tempDir();
    const zip = join(dir, 'dup.zip');
    const count = Number(execFileSync('/usr/bin/python3', ['-c', REWRITE, DEMO, zip], { encoding: 'utf8' }).trim()); // lines incl. header
    const db = createWorkspace(join(dir, 'w.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试' });
    const s = new ImportService();
    const report = await s.prepare(db, zip);
    expect(report.errors).toEqual([]);
    const dups = report.warnings.filter((w) => w.code === 'DUPLICATE_KEY');
    // the row moved to another month repeats, if anything, the demo's own row of that group and month
    const appended = dups.filter((w) => w.row! > count && w.row! < count + 5);
    for (const w of dups.filter((x) => x.row === count + 5)) expect(Number(w.message.match(/第 (\d+) 行已有/)![1])).toBeLessThanOrEqual(count);
    expect(appended.map((w) => [w.row, w.message.match(/第 (\d+) 行已有/)?.[1]])).toEqual([
      [count + 1, '2'],
      [count + 2, '3'],
      [count + 4, '3'],
    ]);
    expect(appended[0]!.sheet).toBe('groups.csv');
    expect(appended[0]!.column).toBe('D');
    expect(appended[0]!.message).toMatch(/^机构 H\d+、期间 \d{4}-\d{2}、病组 [A-Z0-9]+ 重复/);
    expect(dups.filter((w) => w.row! <= count)).toEqual([]);
    const before = report.counts.groupRows;
    s.commit(db, report.token!, '测试');
    expect(db.conn.prepare('SELECT count(*) FROM group_rows WHERE superseded_by IS NULL').pluck().get()).toBe(before);
    expect(before).toBe(count - 1 + 5);
  });
});
