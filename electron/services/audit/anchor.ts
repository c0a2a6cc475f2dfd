// The audit log's anchor outside the database: a file beside the workspace (`<file>.审计锚`) that
// only grows, holding each entry's sequence number and chain hash, each line sealed with an
// HMAC-SHA256 over the line and the seal before it. Cutting the log short (deleting its last
// rows, emptying or dropping the table, copying an old backup over the file) or rewriting it
// (an entry edited and the chain recomputed) inside the database leaves the anchor naming entries
// the database no longer holds: audit-verify compares the two (compareWithAnchor).
//
// The seal's key is 32 random bytes kept in the workspace itself (settings `auditAnchorKey`): in
// an encrypted workspace it can be read only with the workspace password (the cipher's own KDF
// protects it; a second password KDF here would cost 0.7 s on every open and give an offline
// guesser a faster target). In a plain workspace anybody with the file can read it: there the
// anchor detects an edit made with the sqlite3 shell that does not also rewrite the anchor.
// Lines are appended after the transaction that wrote the entries commits (db/connection.ts
// afterCommit), so a rolled-back entry is never anchored; a crash between commit and append
// leaves the database ahead of the anchor, and the next open appends what is missing.

import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { afterCommit, allRows, getValue, inTransaction, run, type ReadableDb, type WritableDb } from '../db/connection';
import { recordAudit } from './audit';

export const anchorPath = (workspacePath: string) => `${workspacePath}.审计锚`;
const HEADER = '亮家底审计锚 1';
const KEY_SETTING = 'auditAnchorKey';

interface Line {
  seq: number;
  hash: string;
}

interface Parsed {
  start: number;
  lines: Line[];
  lastMac: string;
  /** the first line whose seal does not match (the anchor was edited), or null */
  brokenLine: number | null;
}

interface State {
  file: string;
  key: Buffer;
  last: Line | null;
  lastMac: string;
  /** false once the database no longer extends the anchor: nothing more is appended, the evidence stays */
  healthy: boolean;
}

const states = new WeakMap<object, State>();

const seal = (key: Buffer, prevMac: string, seq: number, hash: string) => createHmac('sha256', key).update(`${prevMac}|${seq}|${hash}`).digest('hex');

function readKey(db: ReadableDb): Buffer | null {
  try {
    const hex = getValue<string>(db, 'SELECT value FROM settings WHERE key = ?', KEY_SETTING);
    return hex && /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null;
  } catch {
    return null;
  }
}

function parse(text: string, key: Buffer): Parsed | null {
  // an incomplete last line (a crash while appending) is not part of the anchor
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  const rows = complete.split('\n').slice(0, -1);
  const head = /^亮家底审计锚 1 start=(\d+) nonce=([0-9a-f]{32})$/.exec(rows[0] ?? '');
  if (!head) return null;
  let mac = head[2]!;
  const lines: Line[] = [];
  for (let i = 1; i < rows.length; i++) {
    const m = /^(\d+) ([0-9a-f]{64}) ([0-9a-f]{64})$/.exec(rows[i]!);
    const seq = m ? Number(m[1]) : NaN;
    if (!m || seal(key, mac, seq, m[2]!) !== m[3] || (lines.length > 0 && seq !== lines[lines.length - 1]!.seq + 1))
      return { start: Number(head[1]), lines, lastMac: mac, brokenLine: i + 1 };
    lines.push({ seq, hash: m[2]! });
    mac = m[3]!;
  }
  return { start: Number(head[1]), lines, lastMac: mac, brokenLine: null };
}

function append(state: State, rows: Line[]): void {
  if (!rows.length) return;
  let text = '';
  let mac = state.lastMac;
  for (const r of rows) {
    mac = seal(state.key, mac, r.seq, r.hash);
    text += `${r.seq} ${r.hash} ${mac}\n`;
  }
  const fd = openSync(state.file, 'a+', 0o600);
  try {
    // a line cut short by a crash is dropped before the next one is written
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, 512));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    if (size > 0 && tail[tail.length - 1] !== 0x0a) ftruncateSync(fd, size - tail.length + tail.lastIndexOf(0x0a) + 1);
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  state.lastMac = mac;
  state.last = rows[rows.length - 1]!;
}

const dbHashAt = (db: ReadableDb, seq: number) => getValue<string>(db, 'SELECT hash FROM audit_log WHERE id = ?', seq);

/** Appends the entries the database holds beyond the anchor, if the database still extends it. */
export function syncAnchor(db: WritableDb): void {
  const state = states.get(db.conn);
  if (!state?.healthy || db.conn.inTransaction) return;
  if (state.last && dbHashAt(db, state.last.seq) !== state.last.hash) {
    state.healthy = false;
    return;
  }
  const rows = allRows<Line>(db, 'SELECT id AS seq, hash FROM audit_log WHERE id > ? ORDER BY id', state.last?.seq ?? 0);
  try {
    append(state, rows);
  } catch {
    // the change is committed already and stands; the anchor lags (the folder gone, the disk full)
    // and audit-verify says so; the next open appends what is missing
    state.healthy = false;
  }
}

/**
 * Ties the open workspace's audit log to its anchor: creates the key and the anchor when there are
 * none (the workspace is new, or from a version without anchors; recorded by the caller), then
 * appends what the anchor lacks. Returns whether an anchor had to be started.
 */
export function attachAnchor(db: WritableDb, actor: string): { started: boolean } {
  const file = anchorPath(db.path);
  let key = readKey(db);
  const hadKey = key !== null;
  if (!key) {
    key = randomBytes(32);
    run(db, 'INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ?)', KEY_SETTING, key.toString('hex'), new Date().toISOString());
  }
  let state: State;
  let started = false;
  const parsed = existsSync(file) ? parse(readFileSync(file, 'utf8'), key) : null;
  if (parsed) {
    const last = parsed.lines.at(-1) ?? null;
    state = { file, key, last, lastMac: parsed.lastMac, healthy: parsed.brokenLine === null };
  } else if (existsSync(file)) {
    // a file that is not an anchor (or was sealed with another key): kept as evidence, never overwritten
    state = { file, key, last: null, lastMac: '', healthy: false };
  } else {
    const nonce = randomBytes(16).toString('hex');
    const start = Number(getValue<number>(db, 'SELECT count(*) FROM audit_log') ?? 0);
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, `${HEADER} start=${start} nonce=${nonce}\n`);
      } finally {
        closeSync(fd);
      }
      state = { file, key, last: null, lastMac: nonce, healthy: true };
      started = true;
    } catch {
      // a folder that takes no new file: the workspace opens all the same, audit-verify says the anchor is missing
      state = { file, key, last: null, lastMac: nonce, healthy: false };
    }
  }
  states.set(db.conn, state);
  afterCommit(db, () => syncAnchor(db));
  // a workspace with entries and no anchor: from an older version, or its anchor was removed (a key
  // without its file); the entry says from where on the log is anchored, and which case it was
  if (started && state.last === null && Number(getValue<number>(db, 'SELECT count(*) FROM audit_log')) > 0)
    inTransaction(db, () => recordAudit(db, { actor, action: 'audit.anchor', target: file, details: { replaced: hadKey } }));
  else syncAnchor(db);
  return { started };
}

export type AnchorVerdict =
  | { state: 'ok'; anchored: number; ahead: number }
  | { state: 'missing' }
  | { state: 'noKey' }
  | { state: 'tampered'; line: number }
  | { state: 'noTable'; anchored: number }
  | { state: 'cut'; from: number; to: number }
  | { state: 'rewritten'; at: number }
  | { state: 'restarted'; at: number };

/** The database's audit log against its anchor. Reads only. */
export function compareWithAnchor(db: ReadableDb): AnchorVerdict {
  const file = anchorPath(db.path);
  if (!existsSync(file)) return { state: 'missing' };
  const key = readKey(db);
  if (!key) return { state: 'noKey' };
  const parsed = parse(readFileSync(file, 'utf8'), key);
  if (!parsed) return { state: 'tampered', line: 1 };
  if (parsed.brokenLine !== null) return { state: 'tampered', line: parsed.brokenLine };
  const hasTable = getValue<number>(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'") === 1;
  const last = parsed.lines.at(-1);
  if (!hasTable) return { state: 'noTable', anchored: last?.seq ?? 0 };
  const dbHashes = new Map((db.conn.prepare('SELECT id, hash FROM audit_log ORDER BY id').raw().all() as [number, string][]).map(([id, h]) => [id, h]));
  for (const l of parsed.lines) {
    const h = dbHashes.get(l.seq);
    if (h === undefined) {
      // the first anchored entry the database lacks: a missing tail if none after it remains
      const laterKept = parsed.lines.some((x) => x.seq > l.seq && dbHashes.has(x.seq));
      return laterKept ? { state: 'rewritten', at: l.seq } : { state: 'cut', from: l.seq, to: last!.seq };
    }
    if (h !== l.hash) return { state: 'rewritten', at: l.seq };
  }
  // an anchor started again over a log that had one: what was cut before it cannot be told
  const restarted = getValue<number>(db, "SELECT max(id) FROM audit_log WHERE action = 'audit.anchor' AND json_extract(details, '$.replaced') = 1");
  if (restarted) return { state: 'restarted', at: restarted };
  const anchored = last?.seq ?? parsed.start;
  const ahead = [...dbHashes.keys()].filter((id) => id > anchored).length;
  return { state: 'ok', anchored, ahead };
}

/** The verdict in the convenor's words: what happened and what to do. */
export function anchorText(v: AnchorVerdict): string {
  switch (v.state) {
    case 'ok':
      return `与审计锚文件一致（锚定至第 ${v.anchored} 条${v.ahead ? `；其后 ${v.ahead} 条尚未写入锚文件，下次打开工作区时补写` : ''}）。`;
    case 'missing':
      return '找不到审计锚文件（工作区旁的“.审计锚”文件）：无法确认日志未被截短。请将锚文件与工作区放在同一文件夹；如锚文件被删除，请报告。';
    case 'noKey':
      return '工作区中缺少审计锚的密钥：无法核对锚文件，日志可能在程序之外被改动。';
    case 'tampered':
      return `审计锚文件第 ${v.line} 行的校验码不符：锚文件在程序之外被改动。`;
    case 'noTable':
      return `审计日志表不存在（被删除）：锚文件记录了 ${v.anchored} 条。`;
    case 'cut':
      return `审计日志被截短：锚文件记录的第 ${v.from}–${v.to} 条在数据库中不存在（末尾记录被删除，或用旧文件覆盖了工作区）。`;
    case 'restarted':
      return `审计锚文件曾被删除，程序于第 ${v.at} 条重新建立：此前的日志是否被截短已无法核对。`;
    case 'rewritten':
      return `审计日志被改写：第 ${v.at} 条与锚文件记录的哈希不同（记录被修改后重新计算了哈希链，或日志表被删除后重建）。`;
  }
}

/** Whether the open connection's database still extends its anchor (false: cut or rewritten since it was opened). */
export function anchorHealthy(db: ReadableDb): boolean {
  return states.get(db.conn)?.healthy ?? false;
}

/** The anchor key of a workspace, carried into a restored copy of it (backup/carry-forward.ts). */
export function anchorKeyHex(db: ReadableDb): string | null {
  return readKey(db)?.toString('hex') ?? null;
}
export const ANCHOR_KEY_SETTING = KEY_SETTING;
