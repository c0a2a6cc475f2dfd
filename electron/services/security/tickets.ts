// The reviewer's confirmations, each bound to one call. A guarded call refused for want of a
// reviewer gets a ticket naming its operation, the digest of its input and the workspace it was
// made on; the reviewer confirms that ticket, and only a call with the same operation, the same
// input and the same workspace, within two minutes, uses it — once. Opening, creating or closing a
// workspace drops every ticket (WorkspaceSession), so none is carried into another workspace.

import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';

export const CONFIRM_MS = 2 * 60_000;
/** a refusal's ticket waits this long for the reviewer */
const TICKET_MS = 10 * 60_000;
const MAX_TICKETS = 16;

interface Ticket {
  id: string;
  channel: string;
  digest: string;
  workspace: string;
  what: string;
  issued: number;
  confirmed: { reviewer: string; until: number } | null;
}

/** JSON with every object's keys in order, so equal inputs give equal digests whatever their key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** The digest of a call: its channel and its (validated) input. */
export function callDigest(channel: string, input: unknown): string {
  return createHash('sha256')
    .update(canonical([channel, input]), 'utf8')
    .digest('hex');
}

export class ConfirmationTickets {
  private tickets: Ticket[] = [];
  constructor(private readonly now: () => number = Date.now) {}

  /** A ticket for a refused call, to be confirmed by a reviewer. */
  issue(channel: string, digest: string, workspace: string, what: string): string {
    const t = this.now();
    this.tickets = this.tickets.filter((x) => t - x.issued < TICKET_MS && (!x.confirmed || x.confirmed.until >= t)).slice(-(MAX_TICKETS - 1));
    const id = randomBytes(16).toString('hex');
    this.tickets.push({ id, channel, digest, workspace, what, issued: t, confirmed: null });
    return id;
  }

  /** The ticket a reviewer is about to confirm, if it is still waiting on this workspace. */
  pending(id: string, workspace: string): { channel: string; digest: string; what: string } {
    const x = this.tickets.find((k) => k.id === id);
    if (!x || x.workspace !== workspace || this.now() - x.issued >= TICKET_MS)
      throw new AppError('INVALID_INPUT', '这次复核请求已失效。', '请重新执行该操作，再由复核人确认。');
    return x;
  }

  /** The reviewer's confirmation of that ticket, good for CONFIRM_MS. */
  confirm(id: string, workspace: string, reviewer: string): { what: string; until: number } {
    const x = this.pending(id, workspace) as Ticket;
    x.confirmed = { reviewer, until: this.now() + CONFIRM_MS };
    return { what: x.what, until: x.confirmed.until };
  }

  /** The reviewer who confirmed exactly this call on this workspace, consumed; null when none did (or it expired). */
  take(channel: string, digest: string, workspace: string): string | null {
    const t = this.now();
    const i = this.tickets.findIndex((x) => x.confirmed && x.channel === channel && x.digest === digest && x.workspace === workspace);
    if (i < 0) return null;
    const x = this.tickets[i]!;
    this.tickets.splice(i, 1);
    return x.confirmed!.until >= t ? x.confirmed!.reviewer : null;
  }

  clear(): void {
    this.tickets = [];
  }
}
