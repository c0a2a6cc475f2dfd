// File paths the window may use are only those the user chose: the open/save/folder dialogs (and a
// file dropped on the window) hand the page an opaque token, and the main process swaps tokens for
// paths before a request reaches the data service or the PDF printer. A compromised page can then
// neither read nor write a file the user did not pick. A token is good for one successful use (a
// failed attempt — a wrong password — may retry), for the kind of access the dialog gave, for 15
// minutes. Pure (no Electron), so it is unit-tested and the e2e bridge uses it too.

import { randomBytes } from 'node:crypto';
import type { AppErrorData } from '../../shared/errors';

export type GrantKind = 'open' | 'save' | 'folder' | 'workspace';
export const TOKEN_PREFIX = 'ljd-grant:';
const TTL_MS = 15 * 60_000;

/** Channels that read the file they are given; exportBatch writes into a folder; all others write a file. */
const READS = new Set(['import.prepare', 'pool.import', 'draw.verify', 'reports.trace']);
/**
 * workspace.open writes into the file it opens (the audit log, the WAL): it takes only a grant
 * from the dialog that picks a workspace (.ljd), never one given to read an import or a file to trace.
 */
export const kindFor = (channel: string, field: string): GrantKind =>
  field === 'dir' ? 'folder' : channel === 'workspace.open' ? 'workspace' : READS.has(channel) ? 'open' : 'save';

/** The kind an open dialog grants: a workspace when it offers workspace files (.ljd) only. */
export const openKind = (filters: readonly { extensions: readonly string[] }[]): GrantKind =>
  filters.length > 0 && filters.every((f) => f.extensions.length > 0 && f.extensions.every((e) => e === 'ljd')) ? 'workspace' : 'open';

const PATH_FIELDS = ['path', 'dir'] as const;

export class PathGrants {
  private readonly grants = new Map<string, { path: string; kind: GrantKind; until: number }>();
  private readonly standing = new Map<string, GrantKind>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A dialog's answer: the path stays here, the page gets the token. */
  grant(path: string, kind: GrantKind): string {
    const token = `${TOKEN_PREFIX}${randomBytes(16).toString('hex')}`;
    this.grants.set(token, { path, kind, until: this.now() + TTL_MS });
    return token;
  }

  /** A path the page may name directly, e.g. the workspace the app started with (shown on its startup screen). */
  allow(path: string, kind: GrantKind): void {
    this.standing.set(path, kind);
  }

  /**
   * The request with its tokens replaced by paths, and the tokens used (to consume once it
   * succeeded); or why it is refused. Requests without path fields pass unchanged.
   */
  resolve(channel: string, input: unknown): { ok: true; input: unknown; used: string[] } | { ok: false; error: AppErrorData } {
    if (!input || typeof input !== 'object' || Array.isArray(input)) return { ok: true, input, used: [] };
    const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
    const used: string[] = [];
    for (const field of PATH_FIELDS) {
      const v = out[field];
      if (typeof v !== 'string') continue;
      const kind = kindFor(channel, field);
      if (this.standing.get(v) === kind) continue;
      const g = this.grants.get(v);
      if (!g || g.until < this.now() || g.kind !== kind)
        return {
          ok: false,
          error: {
            code: 'INVALID_INPUT',
            message: '只能使用在文件对话框中选择的文件或文件夹。',
            hint: '请通过“选择文件”“保存为”等按钮重新选择；选择后请在 15 分钟内使用。',
          },
        };
      out[field] = g.path;
      used.push(v);
    }
    return { ok: true, input: out, used };
  }

  /** After a successful request: its tokens are spent. */
  consume(used: string[]): void {
    for (const t of used) this.grants.delete(t);
  }
}
