// Global setup of the e2e suite: the demo workspace, imported once as the app imports it on first
// start, for every test file to copy (with its backups folder) instead of importing the demo
// package again. Sixteen files each importing it took 5–13 s apiece of the suite's time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openOrCreateDemo } from '../../electron/services/host/bootstrap';
import { bundledWorkers } from '../../electron/services/host/bundled-workers';
import { WorkspaceSession } from '../../electron/services/host/session';

declare module 'vitest' {
  export interface ProvidedContext {
    /** a folder holding demo.ljd (the demo region imported) and its backups */
    demoWorkspaceDir: string;
  }
}

const ROOT = resolve(__dirname, '..', '..');

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'liangjiadi-e2e-demo-'));
  const session = new WorkspaceSession(undefined, bundledWorkers(join(ROOT, 'dist', 'node')));
  await openOrCreateDemo(session, { workspacePath: join(dir, 'demo.ljd'), demoPackage: join(ROOT, 'resources', 'demo', 'demo-region.zip'), actor: 'e2e测试' });
  session.close();
  project.provide('demoWorkspaceDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
