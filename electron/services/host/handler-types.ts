// Handler typing: one handler map per domain module (actual's pattern), merged into one map that
// the compiler checks against the contract, so a channel without a handler does not build.

import type { Progress } from '../../../shared/domain/types';
import type { Channel, Contract, ParsedInput, Result } from '../../../shared/ipc/contract';
import type { WorkspaceSession } from './session';

export type WorkerChannel = { [C in Channel]: Contract[C]['where'] extends 'worker' ? C : never }[Channel];

export interface ServiceContext {
  session: WorkspaceSession;
  /** who is acting, for the audit log */
  actor: string;
  progress(p: Omit<Progress, 'taskId'>): void;
}

export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: ServiceContext) => Result<C> | Promise<Result<C>>;
export type Handlers<K extends Channel> = { [C in K]: Handler<C> };
