// A zip package's group rows read by the worker thread (import/groups-parallel.ts) give exactly what
// the sequential read gives: the same report (every error and warning, in order, with its place;
// the counts; the diff) and, committed, the same workspace row for row. The packages are the demo
// rewritten by Python's zipfile with the group file broken in the ways real files are: bad and
// missing cells, unknown institutions, repeated rows, a wrong checksum, GB18030, a stray row too
// wide or an encoding that changes mid-file (which stop the reading), and budgets that run out in
// the group file. The hand-off itself is checked on the real bundled worker, and a worker that
// fails gives way to the sequential read.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKER_FILES } from '../../electron/services/host/bundled-workers';
import { loadInstitutions } from '../../electron/services/catalog/catalog';
import { readGroupsAlongside } from '../../electron/services/import/groups-parallel';
import { ImportService } from '../../electron/services/import/import-service';
import { PackageBuilder } from '../../electron/services/import/package-builder';
import { emptyPackage } from '../../electron/services/import/package-model';
import { RowBudget } from '../../electron/services/import/row-budget';
import { DEFAULT_LIMITS, type ImportLimits } from '../../electron/services/import/limits';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { dumpTables, tempDir } from '../helpers/temp';
import { expectBuiltWorkers } from '../helpers/workers';

const DEMO = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');
/** what an import writes, besides its record and audit entry (which carry the time) */
const DATA_TABLES = [
  'institutions',
  'indicators',
  'region_values',
  'institution_values',
  'group_rows',
  'flag_results',
  'peer_stats',
  'drg_summaries',
  'summarized_periods',
];

// python3 -c REWRITE src dst kind: groups.csv changed by `kind`, the manifest's checksums renewed
// (except for 'checksum'), every entry written again by zipfile
const REWRITE = `
import hashlib, json, sys, zipfile
src, dst, kind = sys.argv[1], sys.argv[2], sys.argv[3]
zin = zipfile.ZipFile(src)
files = {n: zin.read(n) for n in zin.namelist()}
lines = files['groups.csv'].decode('utf-8-sig').rstrip('\\n').split('\\n')
def cells(i): return lines[i].split(',')
def put(i, c): lines[i] = ','.join(c)
encoding = 'utf-8'
tail = b''
if kind == 'broken':
    c = cells(5); c[5] = '五十'; put(5, c)
    c = cells(9); c[0] = ''; put(9, c)
    c = cells(12); c[0] = 'H99019999999'; put(12, c)
    c = cells(14); c[1] = '2023年13月'; put(14, c)
    c = cells(20); c[2] = 'FFS'; put(20, c)
    c = cells(25); c[5] = '-3'; put(25, c)
    c = cells(30); c[6] = '—'; put(30, c)
    c = cells(40); c[6] = '1,234,567.8'; put(40, c)
    lines.append(lines[3]); lines.append(lines[7])
    for i in range(100, 400, 3):
        c = cells(i); c[7] = 'x'; put(i, c)
elif kind == 'gb18030':
    encoding = 'gb18030'
elif kind == 'checksum':
    c = cells(8); c[5] = str(int(c[5]) + 1); put(8, c)
elif kind == 'wide':
    lines.insert(2000, lines[2000] + ',' * 1200)
elif kind == 'mixed':
    tail = '\\n'.join(lines[20000:]).encode('gb18030') + b'\\n'
    lines = lines[:20000]
elif kind in ('wider', 'earlier', 'mismatch'):
    # the values' file changed too: a formula that disagrees (次均住院费用 of one row), and for
    # 'wider' one hospital-month's values left out while its group rows stay
    vals = files['institution_values.csv'].decode('utf-8-sig').rstrip('\\n').split('\\n')
    cps = vals[0].split(',').index('次均住院费用（元）')
    c = vals[2].split(','); c[cps] = str(round(float(c[cps]) * 1.5, 2)); vals[2] = ','.join(c)
    if kind == 'wider':
        # a hospital-month with group rows
        vals = [v for v in vals if not v.startswith('H99010000001,示范市第一人民医院,2025-01,')]
    files['institution_values.csv'] = ('\\n'.join(vals) + '\\n').encode('utf-8')
    if kind == 'earlier':
        # group rows of a month the values do not have
        c = cells(1); c[1] = '2022-12'; lines.append(','.join(c))
if kind == 'history':
    # a month before the demo's, already in the workspace: 2023-12's values moved to 2022-12
    vals = files['institution_values.csv'].decode('utf-8-sig').rstrip('\\n').split('\\n')
    files['institution_values.csv'] = ('\\n'.join([vals[0]] + [v.replace(',2023-12,', ',2022-12,') for v in vals if ',2023-12,' in v]) + '\\n').encode('utf-8')
    for n in ('region_values.csv', 'budget.csv', 'special_cases.csv', 'groups.csv'):
        files.pop(n, None)
    m = json.loads(files['manifest.json'])
    m['files'] = [f for f in m['files'] if f['path'] in files]
    files['manifest.json'] = json.dumps(m).encode('utf-8')
text = '\\n'.join(lines) + '\\n'
if 'groups.csv' in files: files['groups.csv'] = (b'' if encoding != 'utf-8' else b'\\xef\\xbb\\xbf') + text.encode(encoding) + tail
m = json.loads(files['manifest.json'])
for f in m['files']:
    if not (kind == 'checksum' and f['path'] == 'groups.csv'):
        f['sha256'] = hashlib.sha256(files[f['path']]).hexdigest()
files['manifest.json'] = json.dumps(m, ensure_ascii=False, indent=2).encode('utf-8')
with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as z:
    for n, b in files.items():
        z.writestr(n, b)
`;

const SHA_OF_FILE = `import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], 'rb').read()).hexdigest())`;
const SHA_OF_GROUPS = `import hashlib, sys, zipfile; print(hashlib.sha256(zipfile.ZipFile(sys.argv[1]).read('groups.csv')).hexdigest())`;

function rewritten(dir: string, kind: string): string {
  const zip = join(dir, `${kind}.zip`);
  execFileSync('/usr/bin/python3', ['-c', REWRITE, DEMO, zip, kind]);
  return zip;
}

/** The same package prepared (and, when clean, committed) in two fresh workspaces: sequentially and with the worker. */
async function both(dir: string, zip: string, limits: ImportLimits = DEFAULT_LIMITS, workers = expectBuiltWorkers(), before?: string) {
  const out = [];
  for (const [name, w] of [
    ['seq', null],
    ['par', workers],
  ] as const) {
    const db = createWorkspace(join(dir, `${name}-${Math.random().toString(36).slice(2)}.ljd`), {
      regionCode: '990100',
      regionName: '示范市',
      actor: '测试',
    });
    const s = new ImportService(limits, { workers: w });
    if (before) s.commit(db, (await s.prepare(db, before)).token!, '测试');
    const report = await s.prepare(db, zip);
    let tables: Record<string, unknown[]> | null = null;
    if (report.token) {
      s.commit(db, report.token, '测试');
      tables = dumpTables(db, { only: DATA_TABLES });
    }
    db.conn.close();
    out.push({ report: { ...report, token: report.token ? 'token' : null }, tables });
  }
  return { seq: out[0]!, par: out[1]! };
}

// Nine packages written by other tools, each read twice (in this thread and with the worker) and imported, one
// test each: all nine took 25–30 s alone and 182 s at load 19 on 2 cores (CI beside four other sessions), so each
// has its own 180 s.
describe('group rows read by a worker thread', () => {
  it.each(['clean', 'broken', 'gb18030', 'checksum', 'wide', 'mixed', 'wider', 'earlier', 'mismatch'])(
    'give the sequential read’s report and workspace on a package other tools wrote (%s)',
    async (kind) => {
      const dir = tempDir();
      // 'earlier' names in its group rows a month the workspace has values of, which the package then replaces
      const before = kind === 'earlier' ? rewritten(dir, 'history') : undefined;
      const zip = rewritten(dir, kind);
      const { seq, par } = await both(dir, zip, DEFAULT_LIMITS, expectBuiltWorkers(), before);
      expect(par.report, kind).toEqual(seq.report);
      expect(par.tables, kind).toEqual(seq.tables);
      const codes = [...seq.report.errors, ...seq.report.warnings].map((i) => i.code);
      if (kind === 'clean' || kind === 'gb18030') expect(seq.tables, kind).not.toBeNull();
      // the import's record names the whole file by its checksum
      if (kind === 'clean') expect(par.report.sha256).toBe(execFileSync('/usr/bin/python3', ['-c', SHA_OF_FILE, zip], { encoding: 'utf8' }).trim());
      if (kind === 'broken')
        expect(codes).toEqual(expect.arrayContaining(['BAD_NUMBER', 'MISSING_CODE', 'UNKNOWN_INSTITUTION', 'BAD_PERIOD', 'BAD_SCHEME', 'DUPLICATE_KEY']));
      if (kind === 'checksum') expect(codes).toContain('CHECKSUM_MISMATCH');
      if (kind === 'wide') expect(codes).toContain('TOO_MANY_COLUMNS');
      if (kind === 'mixed') expect(codes).toContain('MIXED_ENCODING');
      if (kind === 'wider' || kind === 'earlier' || kind === 'mismatch') {
        // the formulas computed while the group rows were read stood ('mismatch') or were done again
        expect(seq.tables, kind).not.toBeNull();
        expect(codes.filter((c) => c === 'FORMULA_MISMATCH').length, kind).toBe(1);
      }
    },
    180_000,
  );

  it('give the same when a budget runs out in the group file or the issue list is capped', async () => {
    const dir = tempDir();
    const broken = rewritten(dir, 'broken');
    const clean = rewritten(dir, 'clean');
    const { seq: full } = await both(dir, clean);
    const rows = full.report.counts.groupRows;
    const total = rows + full.report.counts.institutionValues; // more than the rows read, so the limit lands in the group file
    for (const limits of [
      { ...DEFAULT_LIMITS, maxRowsPerPackage: Math.floor(total / 3) },
      { ...DEFAULT_LIMITS, maxRowsPerTable: Math.floor(rows / 2) },
      { ...DEFAULT_LIMITS, maxListedIssues: 7 },
    ]) {
      const { seq, par } = await both(dir, broken, limits);
      expect(par.report).toEqual(seq.report);
      expect(seq.report.errors.length + seq.report.warnings.length).toBeGreaterThan(0);
    }
  }, 120_000); // Python rewrites the demo twice, then four reads each by the worker and sequentially: 19.4 s at load 7 on 2 cores, a third of 60 s

  it('are handed over by the real bundled worker, which a broken one gives way to', async () => {
    const dir = tempDir();
    const zip = rewritten(dir, 'clean');
    const { seq } = await both(dir, zip);
    const db = createWorkspace(join(dir, 'known.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试' });
    const s = new ImportService(DEFAULT_LIMITS, { workers: null });
    s.commit(db, (await s.prepare(db, zip)).token!, '测试');
    const institutions = loadInstitutions(db);
    db.conn.close();
    const sha256 = execFileSync('/usr/bin/python3', ['-c', SHA_OF_GROUPS, zip], { encoding: 'utf8' }).trim();
    const file = { path: 'groups.csv', table: 'groups' as const, sha256 };
    const broken = join(dir, 'broken.worker.cjs');
    writeFileSync(broken, 'throw new Error("坏的工作线程");\n');
    for (const [worker, handed] of [
      [join(expectBuiltWorkers(), WORKER_FILES.groups), true],
      [broken, false],
    ] as const) {
      const pkg = emptyPackage('clean.zip', 'zip', DEFAULT_LIMITS.maxListedIssues);
      const b = new PackageBuilder(pkg, { regionCode: null, institutions, indicators: new Map() }, DEFAULT_LIMITS);
      const progress: number[] = [];
      const budget = new RowBudget(b, DEFAULT_LIMITS, (_stage, rows) => progress.push(rows));
      const alongside = readGroupsAlongside(worker, { path: zip, label: 'clean.zip', limits: DEFAULT_LIMITS, file, institutions }, budget);
      expect(await alongside.adopted(b), worker).toBe(handed);
      expect(pkg.groups.length).toBe(handed ? seq.report.counts.groupRows : 0);
      if (handed) {
        expect(pkg.issues.errorCount + pkg.issues.warningCount).toBe(0);
        expect(progress.length).toBeGreaterThan(0); // the worker's rows were reported while it read
      }
      alongside.stop();
    }
    // and the whole import with that broken worker is the sequential one
    const workers = join(dir, 'workers');
    mkdirSync(workers);
    copyFileSync(join(expectBuiltWorkers(), WORKER_FILES.summaries), join(workers, WORKER_FILES.summaries));
    copyFileSync(broken, join(workers, WORKER_FILES.groups));
    const { par } = await both(dir, zip, DEFAULT_LIMITS, workers);
    expect(par.report).toEqual(seq.report);
    expect(par.tables).toEqual(seq.tables);
  }, 180_000); // starts the real worker, a broken one and the sequential read: 21 s at load 14 on 2 cores
});
