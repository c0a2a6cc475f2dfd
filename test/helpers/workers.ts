// The bundled worker threads as the app runs them (dist/node, built by `npm test` before vitest
// runs): tests that exercise the parallel paths name this folder; the sources alone have no workers.
import { join } from 'node:path';
import { expect } from 'vitest';
import { bundledWorkers } from '../../electron/services/host/bundled-workers';

export const BUILT_WORKERS = join(__dirname, '..', '..', 'dist', 'node');

/** Fails plainly when the workers are not built, instead of silently testing the single-thread path. */
export function expectBuiltWorkers(): string {
  expect(bundledWorkers(BUILT_WORKERS), 'dist/node has no bundled workers: run `npm run build:node` first').toBe(BUILT_WORKERS);
  return BUILT_WORKERS;
}
