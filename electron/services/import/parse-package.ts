// Reads a data package (xlsx workbook or zip of CSV files) into typed, normalized data plus a
// list of errors and warnings, each with its place. Nothing here touches the database except
// to read what it needs to recognise (known institutions and regional indicators). The model is
// in package-model.ts, the containers in package-containers.ts, the rows in package-builder.ts
// and value-rows.ts.

import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { AppError } from '../../../shared/errors';
import { PackageFatal } from './issues';
import type { ImportLimits } from './limits';
import { PackageBuilder } from './package-builder';
import { readWorkbook, readZipPackage } from './package-containers';
import { emptyPackage, type KnownContext, type ParsedPackage } from './package-model';

export * from './package-model';

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest('hex');
}

export async function parsePackage(
  path: string,
  known: KnownContext,
  limits: ImportLimits,
  onProgress?: (stage: string, done: number) => void,
  /** the bundled group-rows worker (groups-parallel.ts), or null to read everything in this thread */
  groupsWorker: string | null = null,
  /** work that needs every row but the group rows, done while the worker reads those (readZipPackage) */
  whileGroupsRead?: (pkg: ParsedPackage) => void,
): Promise<ParsedPackage> {
  const file = basename(path);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError('FILE_NOT_FOUND', `找不到文件：${path}`, '请确认文件存在且未被移动。');
  }
  const ext = extname(path).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.zip')
    throw new AppError(
      'UNSUPPORTED_FILE',
      `不支持的文件类型“${ext || '无扩展名'}”：${file}`,
      '数据包应为 .xlsx 工作簿或 .zip 压缩包（见“导出模板”）；.xls 请先另存为 .xlsx。',
    );
  const pkg = emptyPackage(file, ext === '.xlsx' ? 'xlsx' : 'zip', limits.maxListedIssues);
  if (size > limits.maxFileBytes) {
    pkg.issues.error(
      'FILE_TOO_LARGE',
      { file },
      `文件过大（${(size / 1024 / 1024).toFixed(0)} MB，上限 ${(limits.maxFileBytes / 1024 / 1024).toFixed(0)} MB）。`,
      '请按期间拆分为多个数据包分别导入。',
    );
    return pkg;
  }
  pkg.sha256 = await sha256File(path);
  const builder = new PackageBuilder(pkg, known, limits);
  try {
    if (pkg.format === 'xlsx') await readWorkbook(path, builder, limits, onProgress);
    else await readZipPackage(path, builder, limits, onProgress, groupsWorker, whileGroupsRead);
    builder.finish();
  } catch (e) {
    if (e instanceof PackageFatal) pkg.issues.error(e.issue.code, e.issue, e.issue.message, e.issue.hint);
    else throw e;
  }
  return pkg;
}
