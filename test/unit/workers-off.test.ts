// The switch the bench measures each helper thread with: a worker named in LIANGJIADI_WORKERS_OFF
// has no file, so its caller takes the fall-back path (the same work in its own thread).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WORKER_NAMES, workerFile, workersOff } from '../../electron/services/host/bundled-workers';

const saved = process.env.LIANGJIADI_WORKERS_OFF;
afterEach(() => {
  if (saved === undefined) delete process.env.LIANGJIADI_WORKERS_OFF;
  else process.env.LIANGJIADI_WORKERS_OFF = saved;
});

describe('workers switched off for a measurement', () => {
  it('reads the names, all of them with `all`, and none when unset', () => {
    expect([...workersOff('groups, summaries')].sort()).toEqual(['groups', 'summaries']);
    expect([...workersOff('all')].sort()).toEqual([...WORKER_NAMES].sort());
    expect(workersOff(undefined).size).toBe(0);
    expect(workersOff('').size).toBe(0);
    expect(workersOff('nonsense').size).toBe(0);
  });

  it('gives no file for a worker switched off, and the others as before', () => {
    delete process.env.LIANGJIADI_WORKERS_OFF;
    expect(workerFile('/w', 'groups')).toBe(join('/w', 'groups.worker.cjs'));
    process.env.LIANGJIADI_WORKERS_OFF = 'groups';
    expect(workerFile('/w', 'groups')).toBeNull();
    expect(workerFile('/w', 'summaries')).toBe(join('/w', 'summaries.worker.cjs'));
    expect(workerFile(null, 'summaries')).toBeNull();
  });
});
