// Opening the workspace the app starts with: the user's last workspace, or on first start the
// embedded demo region, created from the demo package shipped in resources/demo/. When the last
// workspace cannot be opened (written by a newer version, corrupt, not a workspace), the reason is
// kept in the session for the UI to show with what to do; the app still starts.

import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { toErrorData } from '../../../shared/errors';
import { DEMO_REGION_CODE, DEMO_REGION_NAME } from '../demo/demo-region';
import type { WorkspaceSession } from './session';

export interface StartupOptions {
  workspacePath: string;
  /** the demo package to import when the workspace does not exist yet */
  demoPackage: string | null;
  actor: string;
}

export async function openOrCreateDemo(session: WorkspaceSession, opts: StartupOptions): Promise<void> {
  if (existsSync(opts.workspacePath)) {
    try {
      session.open(opts.workspacePath, opts.actor);
    } catch (e) {
      session.startupError = { ...toErrorData(e), path: opts.workspacePath };
      if (session.startupError.code === 'INTERNAL') console.error('[startup] could not open the workspace:', e);
    }
    return;
  }
  if (!opts.demoPackage) return;
  mkdirSync(dirname(opts.workspacePath), { recursive: true });
  const db = session.create(opts.workspacePath, { regionCode: DEMO_REGION_CODE, regionName: DEMO_REGION_NAME, actor: opts.actor, isDemo: true });
  const report = await session.imports.prepare(db, opts.demoPackage);
  if (!report.token) throw new Error(`demo package failed validation: ${report.errors.map((e) => e.message).join('; ')}`);
  session.imports.commit(db, report.token, opts.actor);
}
