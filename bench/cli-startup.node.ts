// The command line's start-up, for `npm run bench`: from starting `node dist/node/cli.cjs` to its
// exit, for `--help` and for `info` on a demo workspace, against Node itself starting and exiting.
// Medians of several runs (the target is < 0.5 s) of the wall-clock time and of the CPU time the
// process spent (user + system, its threads included: steadier on a busy machine). What start-up
// loads is tested apart (test/integration/cli-startup.test.ts), so a regression fails a test first.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Wall-clock and CPU milliseconds of one command, medians. */
export interface Run {
  wallMs: number;
  cpuMs: number;
}

export interface CliStartup {
  /** `node -e 0`: the floor no command can go under */
  node: Run;
  help: Run;
  /** `info` on the demo workspace (80 institutions): open (with its check), overview, close */
  info: Run;
  runs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function medianRun(dir: string, args: string[], runs: number): Run {
  // a preload that writes the process's CPU time when it exits
  const hook = join(dir, 'cpu.cjs');
  const file = join(dir, 'cpu.txt');
  writeFileSync(
    hook,
    `process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeFileSync(${JSON.stringify(file)}, String((u.user + u.system) / 1000)); });\n`,
  );
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--require', hook, ...args], { encoding: 'utf8' });
    wall.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    cpu.push(Number(readFileSync(file, 'utf8')));
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

/** Times the CLI bundled next to the bench (dist/node/cli.cjs). */
export function measureCliStartup(runs = 7): CliStartup {
  const cli = join(__dirname, 'cli.cjs');
  const dir = mkdtempSync(join(tmpdir(), 'liangjiadi-bench-cli-'));
  try {
    const ws = join(dir, 'demo.ljd');
    const init = spawnSync(process.execPath, [cli, 'init', ws, '--demo'], { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`init --demo failed: ${init.stderr}`);
    return {
      node: medianRun(dir, ['-e', '0'], runs),
      help: medianRun(dir, [cli, '--help'], runs),
      info: medianRun(dir, [cli, 'info', ws], runs),
      runs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const both = (r: Run) => `${r.wallMs.toFixed(0)} ms（CPU ${r.cpuMs.toFixed(0)} ms）`;

export const cliStartupLine = (s: CliStartup): string =>
  `命令行启动（启动到退出，${s.runs} 次的中位数）：--help ${both(s.help)}，info（示范工作区）${both(s.info)}；Node 本身启动退出 ${both(s.node)}`;
