import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ReadableDb } from '../../electron/services/db/connection';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A fresh temp dir, removed after the test. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'liangjiadi-test-'));
  dirs.push(d);
  return d;
}

/** Every row of every table, for row-for-row comparisons. */
export function dumpTables(db: ReadableDb, opts: { except?: string[]; only?: string[] } = {}): Record<string, unknown[]> {
  const tables = db.conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    // data_stamps (migration 013) are random by design: two workspaces with equal data differ there
    if (opts.except?.includes(t) || (opts.only && !opts.only.includes(t)) || t === 'data_stamps') continue;
    const n = (db.conn.prepare(`PRAGMA table_info("${t}")`).all() as unknown[]).length;
    const order = Array.from({ length: n }, (_, i) => i + 1).join(', ');
    // so is the audit anchor's key (audit/anchor.ts), one per workspace
    const where = t === 'settings' ? " WHERE key <> 'auditAnchorKey'" : '';
    out[t] = db.conn.prepare(`SELECT * FROM "${t}"${where} ORDER BY ${order}`).raw().all();
  }
  return out;
}
