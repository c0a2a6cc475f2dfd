// Safe reading of zip containers (data-package zips and xlsx workbooks, which are zips too).
// The central directory is read first, so entries can be opened in any order (an xlsx needs its
// shared strings and styles before its sheets, whatever order the writer chose). Every entry's
// declared sizes are checked before a byte is inflated: absolute or ../ paths, too many entries,
// oversized entries and zip bombs (total and per-entry ratio) are refused; while reading, the
// inflated data must match what was declared (yauzl's validateEntrySizes for stored entries, our
// inflateExactly for deflated ones). Stored and
// deflated entries, data descriptors and zip64 are read alike.
//
// Entry data is read through 'data'/'end' events piped into a PassThrough: yauzl's stream for a
// stored entry (fd-slicer's ReadStream) overwrites Readable's `destroyed` flag, which makes Node's
// async iterator wait forever — an uncompressed zip used to end the process silently. Every read
// also has an inactivity bound, so a broken file can never hang an import.

import { PassThrough, Transform, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { PackageFatal } from './issues';
import type { ImportLimits } from './limits';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** No byte for this long from one entry means the file is broken (a local disk delivers MB/ms). */
export const ENTRY_IDLE_MS = 30_000;

function fatal(file: string, code: string, message: string, hint: string, sheet?: string): PackageFatal {
  return new PackageFatal(sheet === undefined ? { file, code, message, hint } : { file, sheet, code, message, hint });
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

export class ZipArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly label: string,
    private readonly byName: Map<string, yauzl.Entry>,
    readonly entries: ZipEntryInfo[],
  ) {}

  /** Opens the file, reads and checks the whole central directory. Throws PackageFatal. */
  static async open(path: string, label: string, limits: ImportLimits): Promise<ZipArchive> {
    let zip: yauzl.ZipFile;
    try {
      zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
        yauzl.open(path, { lazyEntries: true, validateEntrySizes: true, autoClose: false }, (err, z) => (err || !z ? reject(err) : resolve(z))),
      );
    } catch {
      throw fatal(
        label,
        'NOT_ZIP',
        '文件不是有效的 zip 或 xlsx 文件（可能已损坏或只下载了一部分）。',
        '请重新从数据人员处获取数据包；xlsx 请用 Excel/WPS 打开后另存为 .xlsx。',
      );
    }
    if (zip.entryCount > limits.maxEntries) {
      zip.close();
      throw fatal(
        label,
        'ZIP_TOO_MANY_ENTRIES',
        `压缩包内文件过多（${zip.entryCount} 个，上限 ${limits.maxEntries} 个）。`,
        '数据包只应包含 manifest.json 和数据 CSV 文件，请删除其他文件后重新打包。',
      );
    }
    const byName = new Map<string, yauzl.Entry>();
    const infos: ZipEntryInfo[] = [];
    let total = 0;
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('error', (e: Error) => {
          const m = /(absolute path|invalid relative path|invalid characters in fileName)[^:]*:\s*(.*)$/.exec(e.message);
          if (m)
            reject(
              fatal(
                label,
                'ZIP_UNSAFE_PATH',
                `压缩包内含有不安全的文件路径“${m[2]}”（绝对路径或含 ../），已拒绝整个数据包。`,
                '请只用数据包模板中的文件名重新打包，不要包含目录跳转。',
                m[2],
              ),
            );
          else reject(fatal(label, 'ZIP_CORRUPT', `压缩包已损坏（${translateZipError(e.message)}）。`, '请重新从数据人员处获取数据包。'));
        });
        zip.on('end', () => resolve());
        zip.on('entry', (entry: yauzl.Entry) => {
          const info: ZipEntryInfo = { name: entry.fileName, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize };
          total += entry.uncompressedSize;
          if (entry.uncompressedSize > limits.maxEntryBytes)
            return reject(
              fatal(
                label,
                'ZIP_ENTRY_TOO_LARGE',
                `压缩包内文件“${entry.fileName}”解压后过大（${mb(entry.uncompressedSize)}，上限 ${mb(limits.maxEntryBytes)}）。`,
                '请把数据拆分为多个期间的数据包分别导入。',
                entry.fileName,
              ),
            );
          if (total > limits.maxTotalUncompressedBytes)
            return reject(
              fatal(
                label,
                'ZIP_BOMB_TOTAL',
                `压缩包解压后总大小超过上限（${mb(limits.maxTotalUncompressedBytes)}），疑似“压缩炸弹”，已拒绝。`,
                '请确认数据包来源可靠；正常数据包请拆分后导入。',
                entry.fileName,
              ),
            );
          const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 1;
          if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxCompressionRatio)
            return reject(
              fatal(
                label,
                'ZIP_BOMB_RATIO',
                `压缩包内文件“${entry.fileName}”压缩比异常（${ratio === Infinity ? '∞' : ratio.toFixed(0)}:1，上限 ${limits.maxCompressionRatio}:1），疑似“压缩炸弹”，已拒绝。`,
                '请确认数据包来源可靠，并用常规压缩软件重新打包。',
                entry.fileName,
              ),
            );
          if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
            return reject(
              fatal(
                label,
                'ZIP_METHOD',
                `压缩包内文件“${entry.fileName}”使用了不支持的压缩方式（编号 ${entry.compressionMethod}）。`,
                '请用常规的 zip 压缩（存储或 Deflate）重新打包，不要加密或使用 7z/bzip2 等方式。',
                entry.fileName,
              ),
            );
          if (entry.isEncrypted())
            return reject(
              fatal(
                label,
                'ZIP_ENCRYPTED',
                `压缩包内文件“${entry.fileName}”已加密，无法读取。`,
                '请导出不加密的数据包；传输时的保密请用加密介质。',
                entry.fileName,
              ),
            );
          infos.push(info);
          if (!/\/$/.test(entry.fileName)) byName.set(entry.fileName, entry);
          zip.readEntry();
        });
        zip.readEntry();
      });
    } catch (e) {
      zip.close();
      throw e;
    }
    zip.removeAllListeners('error');
    zip.on('error', () => undefined); // later errors reach the entry streams
    return new ZipArchive(zip, label, byName, infos);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Case-insensitive lookup, for writers that capitalize part names. */
  find(name: string): string | undefined {
    if (this.byName.has(name)) return name;
    const lower = name.toLowerCase();
    for (const n of this.byName.keys()) if (n.toLowerCase() === lower) return n;
    return undefined;
  }

  /** The entry's inflated bytes as a stream; errors and stalls arrive as PackageFatal. */
  async openEntry(name: string, idleMs = ENTRY_IDLE_MS): Promise<Readable> {
    const entry = this.byName.get(name);
    if (!entry) throw fatal(this.label, 'ZIP_CORRUPT', `压缩包内找不到文件“${name}”。`, '请重新从数据人员处获取数据包。', name);
    // deflated entries are inflated here in 256 KB steps (yauzl's own inflater hands over 16 KB at a
    // time: reading a 100 MB sheet took 0.86 s instead of 0.35 s), holding the inflated size to the
    // declared one exactly as validateEntrySizes does
    const deflated = entry.compressionMethod === 8;
    const raw = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, { decompress: deflated ? false : null } as yauzl.ZipFileOptions, (err, s) =>
        err || !s
          ? reject(
              fatal(
                this.label,
                'ZIP_CORRUPT',
                `无法读取压缩包内文件“${name}”（${translateZipError(err?.message ?? '')}）。`,
                '请重新从数据人员处获取数据包。',
                name,
              ),
            )
          : resolve(s),
      ),
    );
    const src = deflated ? inflateExactly(raw, entry.uncompressedSize) : raw;
    const out = new PassThrough({ highWaterMark: 256 * 1024 });
    let timer: NodeJS.Timeout | null = null;
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        src.unpipe(out);
        (src as Readable & { destroy(): void }).destroy();
        out.destroy(
          fatal(
            this.label,
            'ZIP_STALLED',
            `读取压缩包内文件“${name}”时超过 ${idleMs / 1000} 秒没有数据，已停止。`,
            '文件可能已损坏或位于不可靠的网络盘上；请复制到本机后重试。',
            name,
          ),
        );
      }, idleMs);
    };
    arm();
    src.on('data', arm);
    src.on('end', () => timer && clearTimeout(timer));
    out.on('close', () => timer && clearTimeout(timer));
    src.on('error', (e: Error) => {
      if (timer) clearTimeout(timer);
      out.destroy(
        fatal(this.label, 'ZIP_CORRUPT', `读取压缩包内文件“${name}”出错（${translateZipError(e.message)}）。`, '请重新从数据人员处获取数据包。', name),
      );
    });
    src.pipe(out);
    // a destroyed reader stops the inflater and the file read too
    out.on('close', () => {
      src.destroy();
      raw.destroy();
    });
    return out;
  }

  /** Reads a whole (small) entry, refusing more than maxBytes. */
  async readEntry(name: string, maxBytes: number): Promise<Buffer> {
    const stream = await this.openEntry(name);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of stream) {
      size += (c as Buffer).length;
      if (size > maxBytes) {
        stream.destroy();
        throw fatal(
          this.label,
          'ZIP_ENTRY_TOO_LARGE',
          `压缩包内文件“${name}”过大（超过 ${mb(maxBytes)}）。`,
          '该部分不应这么大，文件可能已损坏或被篡改。',
          name,
        );
      }
      chunks.push(c as Buffer);
    }
    return Buffer.concat(chunks);
  }

  close(): void {
    this.zip.close();
  }
}

/**
 * Inflates a deflated entry's bytes, failing as yauzl's validateEntrySizes does when the data
 * inflates to more or fewer bytes than the central directory declared (a lying or broken entry).
 */
function inflateExactly(raw: Readable, declared: number): Readable {
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  let size = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > declared) done(new Error(`too many bytes in the stream. expected ${declared}. got at least ${size}`));
      else done(null, chunk);
    },
    flush(done) {
      if (size < declared) done(new Error(`too few bytes in the stream. expected ${declared}. got ${size}`));
      else done();
    },
  });
  raw.on('error', (e) => counted.destroy(e));
  inflate.on('error', (e) => counted.destroy(e));
  raw.pipe(inflate).pipe(counted);
  return counted;
}

function translateZipError(message: string): string {
  if (/invalid signature|not a zip|end of central directory/i.test(message)) return '文件结构不完整';
  if (/too many bytes|too few bytes|unexpected EOF|incorrect header|invalid (stored|distance|code)/i.test(message)) return '数据与目录记录不符';
  if (/crc/i.test(message)) return '校验和错误';
  return '压缩数据无法解析';
}
