// The 机构数据包 batch in the benchmark: a pack for every institution, once for the demo region and
// once for the large region (the import phase's workspace), over its newest 36 months — the batch's
// time, its peak memory (this process's maxRSS), and the packs' sizes (the largest must stay under
// 3 MB). Each pack's key derivation (PBKDF2, the same iterations as the app) is part of the time.

import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openOrCreateDemo } from '../electron/services/host/bootstrap';
import { WorkspaceSession } from '../electron/services/host/session';
import { makePackBatch } from '../electron/services/pack/make-pack';
import { PackContext } from '../electron/services/pack/pack-context';
import type { WritableDb } from '../electron/services/db/connection';
import { peakRss, type Result } from './app-phases.node';

const DEMO_ZIP = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');

async function batch(db: WritableDb, out: string): Promise<Result> {
  const months = new PackContext(db).heldMonths();
  const from = months[Math.max(0, months.length - 36)]!;
  const to = months[months.length - 1]!;
  mkdirSync(out, { recursive: true });
  const t = performance.now();
  const cpu = process.cpuUsage();
  const r = await makePackBatch(
    db,
    { band: null, from, to, dir: out },
    'bench',
    // a line every 100 packs on stderr (the run at 3,000 institutions is long)
    (done, total) =>
      done % 100 === 0 && process.stderr.write(`${done}/${total} ${((performance.now() - t) / 1000).toFixed(0)} s ${(peakRss() / 1048576).toFixed(0)} MB\n`),
    () => false,
  );
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const sizes = r.files.map((f) => statSync(f.record.path).size);
  rmSync(out, { recursive: true, force: true });
  return {
    files: r.files.length,
    months: months.filter((m) => m >= from && m <= to).length,
    ms,
    // the machine may be shared: the CPU time (all threads, the key derivations included) is the steadier figure
    cpuMs: (used.user + used.system) / 1000,
    maxBytes: Math.max(...sizes),
    meanBytes: sizes.reduce((a, b) => a + b, 0) / sizes.length,
  };
}

/** `demo`: the demo region's 80 institutions; `large`: the large region in dir/import.ljd. */
export async function packPhase(dir: string, which: 'demo' | 'large'): Promise<Result> {
  const session = new WorkspaceSession();
  try {
    if (which === 'demo') await openOrCreateDemo(session, { workspacePath: join(dir, 'pack-demo.ljd'), demoPackage: DEMO_ZIP, actor: 'bench' });
    else session.open(join(dir, 'import.ljd'), 'bench');
    return { ...(await batch(session.db, join(dir, `packs-${which}`))), rss: peakRss() };
  } finally {
    session.close();
  }
}
