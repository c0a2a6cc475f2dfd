// What a Word file of the 月告知 batch costs in CPU time of this thread: each report written as PDF and
// as Word, and the Word file's watermark and chart pictures made again on their own (docs/performance.md).
// Run alone (`node dist/node/word-cost.cjs [rounds]`, after `node scripts/build-node.mjs`); the demo
// region is made in a temporary folder. CPU time is the steady figure on a shared machine.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openOrCreateDemo } from '../electron/services/host/bootstrap';
import { WorkspaceSession } from '../electron/services/host/session';
import { buildReport } from '../electron/services/reports/build';
import { ReportContext } from '../electron/services/reports/builders/context';
import { chartImage, watermarkHeader } from '../electron/services/reports/docx-marks';
import { noticeHospitals, render } from '../electron/services/reports/export-report';
import { reportFaces } from '../electron/services/reports/fonts';
import { newStamp } from '../electron/services/reports/stamp';
import { DEMO_ZIP } from './app-phases.node';

const cpuMs = <T>(f: () => T): [T, number] => {
  const c = process.cpuUsage();
  const r = f();
  const u = process.cpuUsage(c);
  return [r, (u.user + u.system) / 1000];
};
const cpuMsAsync = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const c = process.cpuUsage();
  const r = await f();
  const u = process.cpuUsage(c);
  return [r, (u.user + u.system) / 1000];
};

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 1);
  const dir = mkdtempSync(join(tmpdir(), 'word-cost-'));
  const s = new WorkspaceSession();
  await openOrCreateDemo(s, { workspacePath: join(dir, 'demo.ljd'), demoPackage: DEMO_ZIP, actor: 'bench' });
  reportFaces();
  const ctx = new ReportContext(s.db);
  const hospitals = noticeHospitals(s.db);
  const docs = hospitals.map((h) => buildReport(s.db, { type: '月告知', period: '2025-12', institution: h.code }, ctx));
  const charts = docs.reduce((n, d) => n + d.blocks.filter((b) => b.kind === 'chart').length, 0);
  for (let r = 0; r < rounds; r++) {
    const t = { pdf: 0, docx: 0, watermark: 0, charts: 0 };
    let bytes = 0;
    for (const doc of docs) {
      const stamp = newStamp('bench');
      t.pdf += (await cpuMsAsync(() => render(doc, 'pdf', stamp)))[1];
      const [b, ms] = await cpuMsAsync(() => render(doc, 'docx', stamp));
      t.docx += ms;
      bytes += b.length;
      t.watermark += cpuMs(() => watermarkHeader(stamp))[1];
      for (const b of doc.blocks) if (b.kind === 'chart') t.charts += cpuMs(() => chartImage(b.chart, 590))[1];
    }
    const per = (ms: number) => `${(ms / docs.length).toFixed(0)} ms`;
    process.stdout.write(
      `round ${r + 1}: ${docs.length} files, ${charts} charts — PDF ${per(t.pdf)}/file, Word ${per(t.docx)}/file ` +
        `(watermark header ${per(t.watermark)}, charts ${per(t.charts)}), Word ${(bytes / docs.length / 1024).toFixed(0)} KB/file\n`,
    );
  }
  s.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
