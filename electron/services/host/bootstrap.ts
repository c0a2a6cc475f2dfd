// Opening the workspace the app starts with: the user's last workspace, or on first start the
// embedded demo region, created from the demo package shipped in resources/demo/.

import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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
    session.open(opts.workspacePath, opts.actor);
    return;
  }
  if (!opts.demoPackage) return;
  mkdirSync(dirname(opts.workspacePath), { recursive: true });
  const db = session.create(opts.workspacePath, { regionCode: DEMO_REGION_CODE, regionName: DEMO_REGION_NAME, actor: opts.actor, isDemo: true });
  const report = await session.imports.prepare(db, opts.demoPackage);
  if (!report.token) throw new Error(`demo package failed validation: ${report.errors.map((e) => e.message).join('; ')}`);
  session.imports.commit(db, report.token, opts.actor);
}
