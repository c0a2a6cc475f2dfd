#!/usr/bin/env node
// 亮家底 command line: the same services as the app, for the bureau's data staff and scripts.
// Messages in Chinese; exit code 0 on success, 1 on a data problem, 2 on a usage error;
// --json prints one machine-readable JSON document on stdout.
// This entry only reads the arguments: the commands (SQLite, the services) are loaded once a known
// command is asked for, so `--help` starts in about the time Node itself takes (docs/performance.md).

import { toErrorData } from '../../shared/errors';
import { COMMANDS, HELP, parseCli, UsageError, type Command } from './cli-args.node';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCli(argv);
  const [command, arg] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${HELP}\n`);
    return command || values.help ? 0 : 2;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`未知命令“${command}”。运行 --help 查看可用命令。`);
  const { runCommand } = await import('./commands.node');
  return runCommand(command as Command, arg, values);
}

// A command whose work never settled (a stream that never ends) would otherwise let Node exit 0
// with nothing printed — the user would believe it worked. Say so and fail instead.
let settled = false;
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  const message = '命令没有完成就停止了（内部读取未能结束），未写入任何数据。';
  if (process.argv.includes('--json'))
    process.stdout.write(
      `${JSON.stringify({ error: { code: 'UNFINISHED', message, hint: '请把该文件和本提示发给技术支持；可先用 Excel/WPS 另存该文件后重试。' } })}\n`,
    );
  else process.stderr.write(`错误：${message}\n处理建议：请把该文件和本提示发给技术支持；可先用 Excel/WPS 另存该文件后重试。\n`);
  process.exit(1);
});

// LIANGJIADI_PEAK_RSS=1 reports the process's peak memory on stderr (the hostile-input tests use it)
process.on('exit', () => {
  if (process.env.LIANGJIADI_PEAK_RSS) process.stderr.write(`峰值内存：${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
});

/**
 * Exits once what was written has been handed over: stdout to a pipe is written asynchronously, so
 * exiting at once cut a long report (the demo's 1,440 warnings as JSON) short at 64 KB.
 */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main(process.argv.slice(2)).then(
  (code) => {
    settled = true;
    exitWhenWritten(code);
  },
  (e) => {
    settled = true;
    const json = process.argv.includes('--json');
    if (e instanceof UsageError || (e instanceof Error && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      const message = e instanceof UsageError ? e.message : `参数错误：${e.message}`;
      if (json) process.stdout.write(`${JSON.stringify({ error: { code: 'USAGE', message } })}\n`);
      else process.stderr.write(`${message}\n运行 --help 查看用法。\n`);
      return exitWhenWritten(2);
    }
    const data = toErrorData(e);
    if (data.code === 'INTERNAL') console.error(e);
    if (json) process.stdout.write(`${JSON.stringify({ error: data })}\n`);
    else process.stderr.write(`错误：${data.message}${data.hint ? `\n处理建议：${data.hint}` : ''}\n`);
    exitWhenWritten(1);
  },
);
