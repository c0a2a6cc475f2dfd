// The IPC contract: one map of channel → input schema → result type, combined from the domains'
// parts (contracts/<domain>.ts, channels named <domain>.<method>). The worker and the main process
// dispatch from it, the preload builds `window.api` from it, the e2e bridge builds the same API
// from it, and the renderer is typed by it. Adding a channel to a domain's part is the only way to
// add one; two parts declaring the same channel do not compile (see Disjoint below).

import type { z } from 'zod';
import { analysisContract } from './contracts/analysis';
import { appContract } from './contracts/app';
import { auditContract } from './contracts/audit';
import { catalogContract } from './contracts/catalog';
import { commentsContract } from './contracts/comments';
import { dataContract } from './contracts/data';
import { drawContract } from './contracts/draw';
import { evaluationContract } from './contracts/evaluation';
import { exportContract } from './contracts/export';
import { importContract } from './contracts/import';
import { meetingsContract } from './contracts/meetings';
import { membersContract } from './contracts/members';
import { poolContract } from './contracts/pool';
import { rectificationContract } from './contracts/rectification';
import { reportsContract } from './contracts/reports';
import { securityContract } from './contracts/security';
import { settingsContract } from './contracts/settings';
import { dialogContract, printContract } from './contracts/shell';
import { viewsContract } from './contracts/views';
import { workspaceContract } from './contracts/workspace';

export { viewSpec, type ViewSpec } from './contracts/views';

const parts = [
  appContract,
  workspaceContract,
  catalogContract,
  dataContract,
  importContract,
  poolContract,
  drawContract,
  membersContract,
  analysisContract,
  viewsContract,
  commentsContract,
  meetingsContract,
  rectificationContract,
  settingsContract,
  exportContract,
  reportsContract,
  evaluationContract,
  auditContract,
  securityContract,
  dialogContract,
  printContract,
] as const;

type KeysOf<T> = T extends unknown ? keyof T : never;
/** true when no two parts share a channel; otherwise the duplicated channel names. */
export type Disjoint<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]]
  ? [keyof H & KeysOf<R[number]>] extends [never]
    ? Disjoint<R>
    : { duplicateChannel: keyof H & KeysOf<R[number]> }
  : true;
const noDuplicateChannels: Disjoint<typeof parts> = true;
void noDuplicateChannels;

type Merge<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]] ? H & Merge<R> : unknown;
export type Contract = { [K in keyof Merge<typeof parts>]: Merge<typeof parts>[K] };

export const contract = Object.assign({}, ...parts) as Contract;

export type Channel = keyof Contract & string;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Result<C extends Channel> = Contract[C]['result'];

export const CHANNELS = Object.keys(contract) as Channel[];
export const WORKER_CHANNELS = CHANNELS.filter((c) => contract[c].where === 'worker');
export const MAIN_CHANNELS = CHANNELS.filter((c) => contract[c].where === 'main');

/** The one event channel from services to the UI. */
export const PROGRESS_EVENT = 'event.progress';
/** The one invoke channel name used on the wire; the real channel travels in the payload. */
export const INVOKE = 'lj:invoke';
/** the preload asks main for a token for a file dropped on the window (the path comes from the File, not the page) */
export const GRANT_DROP = 'lj:grant-drop';

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
