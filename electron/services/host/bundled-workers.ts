// Where the bundled worker threads are: beside the bundle that runs this code (dist/node, built by
// scripts/build-node.mjs; in the packaged app unpacked from the asar archive, since a worker thread
// cannot start from inside it). None when running the TypeScript sources (the tests, unless they
// name dist/node), and then what the workers would do alongside is done in the calling thread.

import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';

export const WORKER_FILES = {
  /** an import's summaries, computed while its rows are written (analysis/summaries-parallel.ts) */
  summaries: 'summaries.worker.cjs',
  /** a zip package's DRG/DIP group rows, read while the rest of it is (import/groups-parallel.ts) */
  groups: 'groups.worker.cjs',
  /** an opened workspace's structural check and daily backup, while the first screen is served (backup/open-check-parallel.ts) */
  openCheck: 'open-check.worker.cjs',
  /** an import's pages written back into the workspace file, while the app goes on (db/write-back.ts) */
  writeBack: 'write-back.worker.cjs',
  /** half of a draw announcement's simulated draws, while the freeze runs the other half (draw/simulations-parallel.ts) */
  simulations: 'simulations.worker.cjs',
} as const;

/** A path inside the app's asar archive, as unpacked beside it (electron-builder asarUnpack); others as they are. */
export const unpackedPath = (p: string): string => p.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`).replace(/app\.asar$/, 'app.asar.unpacked');

/** The folder of the bundled workers, or null when they are not there. */
export function bundledWorkers(dir: string = __dirname): string | null {
  const unpacked = unpackedPath(dir);
  return Object.values(WORKER_FILES).every((f) => existsSync(join(unpacked, f))) ? unpacked : null;
}

export type WorkerName = keyof typeof WORKER_FILES;

export const WORKER_NAMES = Object.keys(WORKER_FILES) as WorkerName[];

/**
 * The workers switched off for a measurement (LIANGJIADI_WORKERS_OFF=groups,summaries, or `all`):
 * their work is then done in the calling thread, as when a worker is missing. The bench runs each
 * operation with and without its worker this way (bench/helper-gains.ts, which names them by type).
 */
export function workersOff(setting: string | undefined = process.env.LIANGJIADI_WORKERS_OFF): Set<WorkerName> {
  const names = new Set((setting ?? '').split(',').map((s) => s.trim()));
  return new Set(WORKER_NAMES.filter((n) => names.has(n) || names.has('all')));
}

/** A worker's file in a folder of workers, or null without one (or with it switched off: workersOff). */
export const workerFile = (dir: string | null | undefined, name: WorkerName): string | null =>
  dir && !workersOff().has(name) ? join(dir, WORKER_FILES[name]) : null;
