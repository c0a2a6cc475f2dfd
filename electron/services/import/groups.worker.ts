// The worker thread that reads a zip package's group-rows file (groups-parallel.ts starts it): the
// same readCsvFile as the sequential read, into a builder of its own that knows the institutions
// the rows may name. Posts progress every 20,000 rows, then the rows (their buffers moved), the
// issues, the rows taken and any problem that stopped the reading; or that it failed.

import { parentPort, workerData } from 'node:worker_threads';
import { PackageFatal } from './issues';
import { PackageBuilder } from './package-builder';
import { readCsvFile } from './package-containers';
import { emptyPackage } from './package-model';
import { RowBudget } from './row-budget';
import type { GroupsJob, GroupsMessage } from './groups-parallel';
import { ZipArchive } from './zip';

const job = workerData as GroupsJob;
const post = (m: GroupsMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

async function read(): Promise<void> {
  const pkg = emptyPackage(job.label, 'zip', job.limits.maxListedIssues);
  const b = new PackageBuilder(pkg, { regionCode: null, institutions: job.institutions, indicators: new Map() }, job.limits);
  const budget = new RowBudget(b, job.limits, (_stage, rows) => post({ type: 'progress', rows }));
  let fatal: PackageFatal['issue'] | null = null;
  const zip = await ZipArchive.open(job.path, job.label, job.limits);
  try {
    await readCsvFile(zip, job.file, b, job.limits, budget);
  } catch (e) {
    if (e instanceof PackageFatal) fatal = e.issue;
    else throw e;
  } finally {
    zip.close();
  }
  const groups = pkg.groups.state();
  post({ type: 'done', groups, groupSheet: pkg.groupSheet, issues: pkg.issues.state(), rows: budget.rows, fatal }, [
    groups.str.buffer,
    groups.scheme.buffer,
    groups.nums.buffer,
  ]);
}

read().catch((e: unknown) => post({ type: 'failed', error: e instanceof Error ? e.message : String(e) }));
