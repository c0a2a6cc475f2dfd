// Replacing a workspace file by a new one (re-encrypted, encrypted, restored) so that a crash at any
// moment leaves either the old file or the new one, never a mix:
//   1. the new file is written and verified beside it:  <file>.new
//   2. the old file is renamed aside:                   <file>.old   (atomic)
//   3. the new file takes the name:                     <file>       (atomic)
//   4. the old file is overwritten with zeros and removed (it may hold plaintext).
// On the next open, recoverInterruptedSwap() finishes or undoes what a crash interrupted.

import { closeSync, existsSync, fstatSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

export const newPath = (path: string) => `${path}.new`;
export const oldPath = (path: string) => `${path}.old`;

/** Overwrites a file with zeros (best effort: an SSD may keep old blocks) and removes it. */
export function shred(path: string): void {
  if (!existsSync(path)) return;
  try {
    const fd = openSync(path, 'r+');
    try {
      const size = fstatSync(fd).size;
      const zeros = Buffer.alloc(Math.min(size, 1 << 20));
      for (let at = 0; at < size; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } finally {
    rmSync(path, { force: true });
  }
}

const removeSidecars = (path: string) => {
  for (const s of ['-wal', '-shm', '-journal']) rmSync(`${path}${s}`, { force: true });
};

/** Steps 2–4, once <file>.new is written, verified and closed, and <file> is closed. */
export function swapIn(path: string): void {
  removeSidecars(path);
  renameSync(path, oldPath(path));
  renameSync(newPath(path), path);
  shred(oldPath(path));
}

/** The journals a copy being written may leave when the process is killed (its own, or a backup's). */
const JOURNALS = ['-journal', '-wal', '-shm'];

/**
 * Finishes an interrupted swap: a verified <file>.new with no <file> is the new file; stale copies
 * go, overwritten first, with every journal a killed copy left beside them (an older version
 * wrote plaintext ones: `.new-journal`).
 */
export function recoverInterruptedSwap(path: string): void {
  const hasNew = existsSync(newPath(path));
  const hasOld = existsSync(oldPath(path));
  if (!existsSync(path) && hasOld && hasNew) renameSync(newPath(path), path);
  else if (!existsSync(path) && hasOld) renameSync(oldPath(path), path);
  else if (hasNew) shred(newPath(path)); // interrupted before the swap: the old file stands
  if (existsSync(path) && existsSync(oldPath(path))) shred(oldPath(path));
  for (const f of [newPath(path), oldPath(path)]) for (const j of JOURNALS) shred(`${f}${j}`);
}
