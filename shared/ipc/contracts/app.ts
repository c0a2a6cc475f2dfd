// The app itself: name, version and the workspace it has open (or why it could not open one).

import type { AppInfo } from '../../domain/types';
import { z } from 'zod';
import { empty, inMain, reads, returns, type DomainContract } from './common';

export const appContract = {
  'app.info': reads(empty, returns<AppInfo>()),
  /** starts the data service again after it stopped (answered by the main process) */
  'app.restartService': inMain(empty, returns<AppInfo>()),
  /** content protection: the window cannot be captured by screenshots or screen recording (kept for next start) */
  'app.contentProtection': inMain(z.object({ on: z.boolean().optional() }).strict(), returns<{ on: boolean }>()),
} satisfies DomainContract<'app'>;
