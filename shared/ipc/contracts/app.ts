// The app itself: name, version and the workspace it has open (or why it could not open one).

import type { AppInfo } from '../../domain/types';
import { z } from 'zod';

/** the app lock: locked now (only an encrypted workspace locks), idle minutes before it locks (0: never) */
export interface LockState {
  locked: boolean;
  minutes: number;
}
import { empty, inMain, reads, returns, type DomainContract } from './common';

export const appContract = {
  'app.info': reads(empty, returns<AppInfo>()),
  /** starts the data service again after it stopped (answered by the main process) */
  'app.restartService': inMain(empty, returns<AppInfo>()),
  /** content protection: the window cannot be captured by screenshots or screen recording (kept for next start) */
  'app.contentProtection': inMain(z.object({ on: z.boolean().optional() }).strict(), returns<{ on: boolean }>()),
  /** the app lock, kept by the main process: whether it is locked, and after how many idle minutes it locks (0: never) */
  'app.lockState': inMain(empty, returns<LockState>()),
  /** locks now, sets the idle minutes (kept for next start), or holds the idle lock off during a presentation */
  'app.lock': inMain(
    z.object({ now: z.literal(true).optional(), minutes: z.number().int().min(0).max(240).optional(), presenting: z.boolean().optional() }).strict(),
    returns<LockState>(),
  ),
} satisfies DomainContract<'app'>;
