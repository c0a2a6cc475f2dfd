// The two containers of a data package, read into the row builder: an xlsx workbook (sheets read
// definitions first — 包信息, 机构, 指标定义 — whatever their order in the file) and a zip of CSV
// files with manifest.json. Everything is streamed: a CSV entry is hashed, decoded and parsed as
// it is inflated, so no entry is ever held whole, and row budgets stop a hostile file early.

import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { TextDecoder } from 'node:util';
import Papa from 'papaparse';
import { normalizePeriod } from '../../../shared/period';
import { PackageFatal } from './issues';
import type { ImportLimits } from './limits';
import type { PackageBuilder } from './package-builder';
import type { ParsedPackage } from './package-model';
import { readXlsx } from './read-xlsx';
import { RowBudget, type Progress } from './row-budget';
import { readGroupsAlongside, type GroupsAlongside } from './groups-parallel';
import { CSV_FILES, INSTRUCTION_SHEETS, SHEETS, TABLE_KIND_NAMES, type RawCell, type TableKind, type TableMeta } from './tables';
import { ZipArchive } from './zip';
// the schema loads zod: imported when the first zip is read (readManifest), not by every command
import type { Manifest, ManifestFile } from './manifest';

const KIND_ORDER: TableKind[] = ['package', 'institutions', 'indicators', 'region', 'institution', 'groups'];

export async function readWorkbook(path: string, b: PackageBuilder, limits: ImportLimits, onProgress?: Progress): Promise<void> {
  const file = b.pkg.file;
  const budget = new RowBudget(b, limits, onProgress);
  const seenKinds = new Set<TableKind>();
  const rank = (name: string) => (SHEETS[name] ? KIND_ORDER.indexOf(SHEETS[name]!) : KIND_ORDER.length);
  await readXlsx(
    path,
    file,
    limits,
    {
      sheet: (name) => {
        const kind = SHEETS[name];
        if (!kind) {
          if (!INSTRUCTION_SHEETS.has(name))
            b.pkg.issues.warn(
              'UNKNOWN_SHEET',
              { file, sheet: name },
              `工作表“${name}”不是数据包模板中的工作表，已忽略。`,
              `模板工作表为：${Object.keys(SHEETS).join('、')}。如确需导入，请把数据移到对应工作表。`,
            );
          return null;
        }
        seenKinds.add(kind);
        const sink = b.table({ kind, file, sheet: name });
        let count = 0;
        return (cells, row) => {
          if (!budget.take(++count, file, name, '读取工作簿', row)) return 'stop';
          sink.row(cells, row);
        };
      },
      sheetEnd: (name) => b.endTable(name),
    },
    (names) => [...names].sort((x, y) => rank(x) - rank(y)),
  );
  if (!seenKinds.has('package'))
    b.pkg.issues.error(
      'MISSING_SHEET',
      { file, sheet: '包信息' },
      '缺少工作表“包信息”（统筹地区编码、名称等）。',
      '请使用“导出模板”生成的工作簿，保留“包信息”工作表并填写。',
    );
}

export async function readZipPackage(
  path: string,
  b: PackageBuilder,
  limits: ImportLimits,
  onProgress?: Progress,
  groupsWorker: string | null = null,
  /** called once this thread has read everything but the group rows the worker reads, before it waits for them */
  whileGroupsRead?: (pkg: ParsedPackage) => void,
): Promise<void> {
  const file = b.pkg.file;
  const zip = await ZipArchive.open(path, file, limits);
  let groups: GroupsAlongside | null = null;
  try {
    const manifest = await readManifest(zip, b);
    if (!manifest) return;
    b.setMeta(manifest.formatVersion, manifest.region.code, manifest.region.name, manifest.producer ?? '', manifest.createdAt ?? '', {
      file,
      sheet: 'manifest.json',
      row: 0,
    });
    if (manifest.periods?.some((p) => !normalizePeriod(p)))
      b.pkg.issues.warn(
        'BAD_PERIOD_LIST',
        { file, sheet: 'manifest.json', header: 'periods' },
        'manifest.json 的 periods 中有无法识别的期间。',
        '期间写法示例：2025-03、2025年3月、2025Q1、2025年上半年、2025年、2025年1-5月。',
      );
    const listed = new Set(manifest.files.map((f) => f.path));
    for (const e of zip.entries) {
      if (e.name !== 'manifest.json' && !e.name.endsWith('/') && !listed.has(e.name))
        b.pkg.issues.warn(
          'UNLISTED_FILE',
          { file, sheet: e.name },
          `压缩包内文件“${e.name}”未在 manifest.json 中列出，已忽略。`,
          '如需导入，请在 manifest.json 的 files 中登记它和它的 SHA-256。',
        );
    }
    const order: TableKind[] = ['institutions', 'indicators', 'region', 'institution', 'groups'];
    const files = [...manifest.files].sort((x, y) => order.indexOf(x.table) - order.indexOf(y.table));
    const budget = new RowBudget(b, limits, onProgress);
    // a single group-rows file, the largest by far, is read by a worker thread while this one
    // reads the rest (groups-parallel.ts); it starts once the institutions it checks against are read
    const groupFiles = files.filter((f) => f.table === 'groups' && zip.has(f.path));
    const parallel = groupsWorker && groupFiles.length === 1 ? groupFiles[0]! : null;
    for (const f of files) {
      if (parallel && !groups && f.table !== 'institutions' && f.table !== 'indicators')
        groups = readGroupsAlongside(groupsWorker!, { path, label: file, limits, file: parallel, institutions: b.namedInstitutions() }, budget);
      if (!zip.has(f.path)) {
        b.pkg.issues.error(
          'MISSING_FILE',
          { file, sheet: f.path },
          `manifest.json 列出的文件“${f.path}”不在压缩包中。`,
          '请把该文件放入压缩包根目录，或从 manifest.json 中删除这一项。',
        );
        continue;
      }
      if (CSV_FILES[f.path] && CSV_FILES[f.path] !== f.table)
        b.pkg.issues.warn(
          'TABLE_NAME_MISMATCH',
          { file, sheet: f.path },
          `文件“${f.path}”在 manifest.json 中登记为 ${TABLE_KIND_NAMES[f.table]} 表，与文件名的约定不同，按 manifest.json 读取。`,
          '请确认 manifest.json 中 table 字段填写正确。',
        );
      if (groups && f === groups.file) {
        whileGroupsRead?.(b.pkg);
        if (await groups.adopted(b)) continue;
      }
      await readCsvFile(zip, f, b, limits, budget);
    }
  } finally {
    groups?.stop();
    zip.close();
  }
}

/** One CSV file of the manifest into the builder, its SHA-256 checked against the manifest's. */
export async function readCsvFile(zip: ZipArchive, f: ManifestFile, b: PackageBuilder, limits: ImportLimits, budget: RowBudget): Promise<void> {
  const meta: TableMeta = { kind: f.table, file: b.pkg.file, sheet: f.path };
  const actual = await streamCsvTable(zip, meta, b, limits, budget);
  if (actual !== null && actual !== f.sha256.toLowerCase())
    b.pkg.issues.error(
      'CHECKSUM_MISMATCH',
      { file: b.pkg.file, sheet: f.path },
      `文件“${f.path}”的 SHA-256 与 manifest.json 不符（文件可能被修改或损坏），其数据不予导入。`,
      `请向数据人员确认；如文件无误，请把 manifest.json 中的值更新为 ${actual}。`,
    );
}

async function readManifest(zip: ZipArchive, b: PackageBuilder): Promise<Manifest | null> {
  const file = b.pkg.file;
  if (!zip.has('manifest.json')) {
    b.pkg.issues.error(
      'MISSING_MANIFEST',
      { file, sheet: 'manifest.json' },
      '压缩包中缺少 manifest.json。',
      '请使用“导出模板”说明中的格式打包：根目录放 manifest.json 与数据 CSV 文件。',
    );
    return null;
  }
  const buf = await zip.readEntry('manifest.json', 4 * 1024 * 1024);
  try {
    const text = new TextDecoder('utf-8').decode(buf);
    // zod is loaded with the first zip read, not with this module (tens of milliseconds a command
    // that reads no package, such as the CLI's info, need not pay)
    const { manifestSchema } = await import('./manifest');
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      b.pkg.issues.error(
        'BAD_MANIFEST',
        { file, sheet: 'manifest.json', header: first.path.join('.') },
        `manifest.json 字段“${first.path.join('.')}”不符合格式。`,
        '请对照 docs/data-package.md 中的 manifest.json 示例修正。',
      );
      return null;
    }
    return parsed.data;
  } catch {
    b.pkg.issues.error('BAD_MANIFEST', { file, sheet: 'manifest.json' }, 'manifest.json 不是有效的 JSON。', '请用文本编辑器检查 manifest.json 的括号和引号。');
    return null;
  }
}

/**
 * Hash → decode → CSV parse → builder, as the entry inflates. Encoding: UTF-8 (with or without
 * BOM) when the first 64 KB are valid UTF-8, else GB18030 (Chinese Excel's “CSV (逗号分隔)”).
 * Returns the entry's SHA-256, or null when reading stopped early.
 */
async function streamCsvTable(zip: ZipArchive, meta: TableMeta, b: PackageBuilder, limits: ImportLimits, budget: RowBudget): Promise<string | null> {
  const sink = b.table(meta);
  const hash = createHash('sha256');
  const source = await zip.openEntry(meta.sheet);
  const decoder = new CsvDecoder(meta, zip.label);
  const text = source.pipe(
    new Transform({
      readableObjectMode: true,
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        try {
          const s = decoder.push(chunk);
          done(null, s.length ? s : undefined);
        } catch (e) {
          done(e as Error);
        }
      },
      flush(done) {
        try {
          const s = decoder.end();
          done(null, s.length ? s : undefined);
        } catch (e) {
          done(e as Error);
        }
      },
    }),
  );
  source.on('error', (e) => text.destroy(e));
  // rows are handed over a chunk at a time (papaparse's chunk callback), not as one stream event
  // per row: on a million group rows the per-row stream machinery cost more than the parsing
  let row = 0;
  let stopped = false;
  await new Promise<void>((resolve, reject) => {
    const fail = (e: unknown) => {
      if (stopped) return;
      stopped = true;
      source.destroy();
      reject(e);
    };
    text.on('error', fail);
    Papa.parse<string[]>(text as unknown as NodeJS.ReadableStream, {
      header: false,
      skipEmptyLines: false,
      chunk(results, parser) {
        for (const cells of results.data) {
          if (stopped) return;
          row++;
          if (cells.length > limits.maxColumns) {
            // failed before aborting: the abort runs `complete` at once, which would resolve
            // first and lose the error, leaving the rest of the file silently unread
            fail(
              new PackageFatal({
                file: zip.label,
                sheet: meta.sheet,
                row,
                code: 'TOO_MANY_COLUMNS',
                message: `文件“${meta.sheet}”第 ${row} 行有 ${cells.length} 列，超过上限 ${limits.maxColumns} 列。`,
                hint: '请检查分隔符是否为英文逗号，并删除多余的列。',
              }),
            );
            return parser.abort();
          }
          if (row > 1 && !budget.take(row - 1, zip.label, meta.sheet, '读取数据文件', row)) {
            stopped = true;
            parser.abort();
            source.destroy();
            return resolve();
          }
          sink.row(cells as RawCell[], row);
        }
      },
      complete: () => {
        if (!stopped) resolve();
      },
      error: (e: Error) => fail(e),
    });
  });
  b.endTable(meta.sheet);
  return stopped ? null : hash.digest('hex');
}

/** Streaming decoder that settles the encoding on the first 64 KB. */
class CsvDecoder {
  private head: Buffer[] = [];
  private headSize = 0;
  private decoder: TextDecoder | null = null;
  constructor(
    private readonly meta: TableMeta,
    private readonly label: string,
  ) {}

  push(chunk: Buffer): string {
    if (this.decoder) return this.decode(chunk, true);
    this.head.push(chunk);
    this.headSize += chunk.length;
    return this.headSize >= 64 * 1024 ? this.settle(true) : '';
  }

  end(): string {
    return (this.decoder ? '' : this.settle(false)) + this.decode(Buffer.alloc(0), false);
  }

  private settle(more: boolean): string {
    const head = Buffer.concat(this.head);
    this.head = [];
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: more });
      this.decoder = new TextDecoder('utf-8', { fatal: true });
    } catch {
      this.decoder = new TextDecoder('gb18030');
    }
    return this.decode(head, more);
  }

  private decode(buf: Buffer, stream: boolean): string {
    try {
      return this.decoder!.decode(buf, { stream });
    } catch {
      throw new PackageFatal({
        file: this.label,
        sheet: this.meta.sheet,
        code: 'MIXED_ENCODING',
        message: `文件“${this.meta.sheet}”的开头是 UTF-8 编码，后面却有不是 UTF-8 的内容（编码混杂）。`,
        hint: '请用 Excel/WPS 打开该 CSV 后“另存为 CSV UTF-8（逗号分隔）”，或整份另存为 GB18030/GBK 编码。',
      });
    }
  }
}
