// Safe reading of zip containers (data-package zips and xlsx workbooks, which are zips too).
// Refuses absolute or ../ entry paths, too many entries, oversized entries and zip bombs (total
// and per-entry ratio limits, checked on the declared sizes before inflating; yauzl's
// validateEntrySizes then guarantees the inflated data matches what was declared).

import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { PackageFatal } from './issues';
import type { ImportLimits } from './limits';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, validateEntrySizes: true, autoClose: true }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );
}

function fatal(file: string, code: string, message: string, hint: string, sheet?: string): PackageFatal {
  return new PackageFatal(sheet === undefined ? { file, code, message, hint } : { file, sheet, code, message, hint });
}

/**
 * Walks every entry. For entries `want` accepts, onEntry gets the inflated stream. Limits are
 * enforced before any byte is inflated.
 */
export async function walkZip(
  path: string,
  fileLabel: string,
  limits: ImportLimits,
  want: (name: string) => boolean,
  onEntry: (info: ZipEntryInfo, stream: Readable) => Promise<void>,
): Promise<ZipEntryInfo[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch {
    throw fatal(fileLabel, 'NOT_ZIP', '文件不是有效的 zip 或 xlsx 文件（可能已损坏或只下载了一部分）。', '请重新从数据人员处获取数据包；xlsx 请用 Excel/WPS 打开后另存为 .xlsx。');
  }
  if (zip.entryCount > limits.maxEntries)
    throw fatal(fileLabel, 'ZIP_TOO_MANY_ENTRIES', `压缩包内文件过多（${zip.entryCount} 个，上限 ${limits.maxEntries} 个）。`, '数据包只应包含 manifest.json 和数据 CSV 文件，请删除其他文件后重新打包。');
  const seen: ZipEntryInfo[] = [];
  let total = 0;
  return new Promise<ZipEntryInfo[]>((resolve, reject) => {
    const fail = (e: unknown) => {
      zip.close();
      reject(e);
    };
    zip.on('error', (e: Error) => {
      const m = /(absolute path|invalid relative path|invalid characters in fileName)[^:]*:\s*(.*)$/.exec(e.message);
      if (m)
        fail(fatal(fileLabel, 'ZIP_UNSAFE_PATH', `压缩包内含有不安全的文件路径“${m[2]}”（绝对路径或含 ../），已拒绝整个数据包。`, '请只用数据包模板中的文件名重新打包，不要包含目录跳转。', m[2]));
      else fail(fatal(fileLabel, 'ZIP_CORRUPT', `压缩包已损坏：${e.message}`, '请重新从数据人员处获取数据包。'));
    });
    zip.on('end', () => resolve(seen));
    zip.on('entry', (entry: yauzl.Entry) => {
      const info: ZipEntryInfo = { name: entry.fileName, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize };
      seen.push(info);
      total += entry.uncompressedSize;
      if (entry.uncompressedSize > limits.maxEntryBytes)
        return fail(fatal(fileLabel, 'ZIP_ENTRY_TOO_LARGE', `压缩包内文件“${entry.fileName}”解压后过大（${mb(entry.uncompressedSize)}，上限 ${mb(limits.maxEntryBytes)}）。`, '请把数据拆分为多个期间的数据包分别导入。', entry.fileName));
      if (total > limits.maxTotalUncompressedBytes)
        return fail(fatal(fileLabel, 'ZIP_BOMB_TOTAL', `压缩包解压后总大小超过上限（${mb(limits.maxTotalUncompressedBytes)}），疑似“压缩炸弹”，已拒绝。`, '请确认数据包来源可靠；正常数据包请拆分后导入。', entry.fileName));
      const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 1;
      if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxCompressionRatio)
        return fail(fatal(fileLabel, 'ZIP_BOMB_RATIO', `压缩包内文件“${entry.fileName}”压缩比异常（${ratio === Infinity ? '∞' : ratio.toFixed(0)}:1，上限 ${limits.maxCompressionRatio}:1），疑似“压缩炸弹”，已拒绝。`, '请确认数据包来源可靠，并用常规压缩软件重新打包。', entry.fileName));
      if (/\/$/.test(entry.fileName) || !want(entry.fileName)) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return fail(fatal(fileLabel, 'ZIP_CORRUPT', `无法读取压缩包内文件“${entry.fileName}”。`, '请重新从数据人员处获取数据包。', entry.fileName));
        stream.on('error', (e) => fail(fatal(fileLabel, 'ZIP_CORRUPT', `读取压缩包内文件“${entry.fileName}”出错：${e.message}`, '请重新从数据人员处获取数据包。', entry.fileName)));
        onEntry(info, stream).then(() => zip.readEntry(), fail);
      });
    });
    zip.readEntry();
  });
}

export async function readStream(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(0)} MB`;
}
