// `npm test`: every check CI runs, one step after another, each timed. Prints a table of the steps'
// times and the total, the slowest tests beside their timeout (a test within 3× of its timeout is
// named: on a busy machine it is the first to fail), and last the one closing line "N passed, N
// failed" for all vitest suites. Stops at the first step that fails, after printing the table.
// The type check, the lint and the build read the sources only and write nothing another needs: they
// run side by side (each single-threaded, so two cores finish them in about the time of the longest;
// 131 s one after another on a busy two-core machine), their output printed whole, one after another.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const UNIT_JSON = 'test-output/unit.json';
const E2E_JSON = 'test-output/e2e.json';
/** each suite's default timeout (vitest.config.ts, vitest.e2e.config.ts), for a report without `meta.timeout` */
const TIMEOUTS = { [UNIT_JSON]: 60_000, [E2E_JSON]: 120_000 };

/** steps in order; a group in one inner array runs side by side */
const steps = [
  [['SQLite 模块', ['run', 'native:node']]],
  [
    ['类型检查', ['run', 'typecheck']],
    ['代码规范', ['run', 'lint']],
    ['构建', ['run', 'build']],
  ],
  [['单元与集成测试', ['run', 'test:unit']]],
  [['端到端测试', ['run', 'test:e2e']]],
];

// reports of an earlier run must not be counted as this one's
for (const f of [UNIT_JSON, E2E_JSON]) rmSync(f, { force: true });

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const times = [];
const started = Date.now();
let failedStep = null;

/** one step with its output captured: its exit status, output and time */
const captured = (name, args) =>
  new Promise((resolve) => {
    const t0 = Date.now();
    const out = [];
    const child = spawn(npm, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => out.push(c));
    child.on('close', (status) => resolve({ name, args, status, out: Buffer.concat(out), ms: Date.now() - t0 }));
  });

for (const group of steps) {
  if (group.length === 1) {
    const [name, args] = group[0];
    const t0 = Date.now();
    console.log(`\n== ${name}（npm ${args.join(' ')}）`);
    const r = spawnSync(npm, args, { stdio: 'inherit' });
    times.push([name, Date.now() - t0]);
    if (r.status !== 0) failedStep = name;
  } else {
    const t0 = Date.now();
    const done = await Promise.all(group.map(([name, args]) => captured(name, args)));
    for (const r of done) {
      console.log(
        `\n== ${r.name}（npm ${r.args.join(' ')}，与${group
          .filter(([n]) => n !== r.name)
          .map(([n]) => n)
          .join('、')}同时运行）`,
      );
      process.stdout.write(r.out);
      times.push([r.name, r.ms]);
      if (r.status !== 0 && !failedStep) failedStep = r.name;
    }
    times.push([`（以上${'一二三四五六'[group.length - 1]}步同时运行，共）`, Date.now() - t0]);
  }
  if (failedStep) break;
}

console.log('\n== 各步用时');
for (const [name, ms] of times) console.log(`  ${name.padEnd(8, '　')} ${seconds(ms).padStart(9)}`);
console.log(`  ${'合计'.padEnd(8, '　')} ${seconds(Date.now() - started).padStart(9)}`);

// the slowest tests against the timeout each runs under (test/setup/timeout-meta.ts records it)
const tests = [];
for (const file of [UNIT_JSON, E2E_JSON]) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const suite of report.testResults ?? [])
    for (const t of suite.assertionResults ?? [])
      tests.push({ name: `${suite.name.replace(/.*\/test\//, 'test/')} › ${t.title}`, ms: t.duration ?? 0, timeout: t.meta?.timeout ?? TIMEOUTS[file] });
}
if (tests.length) {
  tests.sort((a, b) => b.ms - a.ms);
  console.log('\n== 最慢的测试（用时 / 超时限额）');
  for (const t of tests.slice(0, 8)) console.log(`  ${seconds(t.ms).padStart(8)} / ${seconds(t.timeout)}  ${t.name}`);
  const close = tests.filter((t) => t.ms * 3 > t.timeout);
  if (close.length) {
    console.log(`  注意：${close.length} 个测试的用时超过其超时限额的三分之一，机器繁忙时最先超时：`);
    for (const t of close) console.log(`  ${seconds(t.ms).padStart(8)} / ${seconds(t.timeout)}  ${t.name}`);
  } else console.log('  每个测试的用时都在其超时限额的三分之一以内。');
}

if (failedStep) {
  console.log(`\n“${failedStep}”未通过，后面的步骤没有运行。`);
  process.exitCode = 1;
}
// the closing line for CI: all vitest suites' counts (none when a step before the tests failed)
if (existsSync(UNIT_JSON)) {
  const summary = spawnSync(process.execPath, ['scripts/test-summary.mjs', UNIT_JSON, E2E_JSON], { stdio: 'inherit' });
  if (summary.status !== 0) process.exitCode = 1;
}
