#!/usr/bin/env node
// 亮家底 command line: the same services as the app, for the bureau's data staff and scripts.
// Messages in Chinese; exit code 0 on success, 1 on a data problem, 2 on a usage error;
// --json prints one machine-readable JSON document on stdout.

import { mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { looksEncrypted } from '../services/db/connection';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportIssue, ImportReport } from '../../shared/domain/types';
import { toErrorData } from '../../shared/errors';
import { formatPeriodZh } from '../../shared/period';
import { REPORT_TYPES } from '../../shared/reports/registry';
import { formatValue } from '../../shared/format';
import { overview } from '../services/data/queries';
import { DEMO_REGION_CODE, DEMO_REGION_NAME } from '../services/demo/demo-region';
import { describeLocation } from '../services/import/issues';
import { openOrCreateDemo } from '../services/host/bootstrap';
import { WorkspaceSession } from '../services/host/session';
import { writeTemplate } from '../services/package/template';
import { workspaceInfo } from '../services/workspace/workspace';
import { verifyAuditChain } from '../services/audit/audit';
import { importPool } from '../services/pool/pool-import';
import { reportCommand, ReportUsageError, traceCommand } from './report-commands.node';
import { chainCommand, drawCommand, DrawUsageError, freezeCommand, verifyCommand } from './draw-commands.node';

const HELP = `亮家底 命令行工具

用法: npm run cli -- <命令> [参数] [选项]
      liangjiadi <命令> [参数] [选项]

命令:
  init <工作区.ljd> --region-code <6位编码> --region-name <名称> [--password-env <变量名> | --plain]
                          新建空工作区（加密；不在终端中运行时须给出 --password-env，
                          确需不加密时加 --plain）
  init <工作区.ljd> --demo  新建示范工作区（导入内置的示范市虚拟数据）
  info <工作区.ljd>         显示工作区概况（地区、机构数、数据期间、导入次数）
  validate <数据包> [--workspace <工作区.ljd>]
                          只检查数据包，不写入；列出错误与警告
  import <数据包> --workspace <工作区.ljd>
                          检查并导入数据包（一个事务：出错则不写入任何数据）
  template <输出.xlsx> [--workspace <工作区.ljd>]
                          导出空白数据包模板（有工作区时预填机构名单）
  audit-verify <工作区.ljd> 校验审计日志哈希链是否完整
  pool-import <成员库.xlsx|csv> --workspace <工作区.ljd>
                          导入医疗机构推荐的成员库（类别、机构编码、机构名称、姓名、职务、职称）
  draw-freeze --workspace <工作区.ljd> --seed-source <公开来源> --seed-count <号码个数> --seed-digits <每个号码位数>
              [--seed-order <录入顺序>] [--out 抽选公告.json]
                          冻结成员库与规则（首次抽选），公布抽选公告：种子规则、入选概率、公告哈希
  draw --workspace <工作区.ljd> --seed <现场随机种子> --witness <见证人> --witness <见证人> [--out 记录.json]
                          用现场产生的随机种子执行已冻结的抽选；打印结果与记录哈希
  verify-draw <抽选记录.json> [--announcement <抽选公告.json>]
                          独立复核抽选记录：重算哈希、重新抽选并逐项比对；给出公告时核对两者一致
  draw-chain --workspace <工作区.ljd> --out <抽选记录链.json>
                          导出抽选记录链：每次冻结的公告及其作废记录或抽选记录（含作废的）
  verify-draw --chain <抽选记录链.json>
                          复核记录链：每份公告的 previousHash 是否为前一条的哈希，逐份复核抽选记录
  report <${REPORT_TYPES.join('|')}> --period <期间> --workspace <工作区.ljd> --out <文件夹>
         [--institution <机构编码> | --all | --meeting <会议编号>] [--format pdf|docx|xlsx]
                          生成报告（与程序“报告”页相同），文件带水印与导出编号并登记
  trace <文件> --workspace <工作区.ljd>
                          查明一份导出文件的来源（导出编号、导出人、时间）

选项:
  --json                  以 JSON 输出结果（便于脚本处理）
  --password-env <变量名>  工作区密码所在的环境变量（加密工作区；init 时新建加密工作区）。
                          不接受在命令行上直接写密码（其他用户用 ps 可以看到）；
                          在终端中未给出时，程序会提示输入（不回显）
  --demo-package <文件>   init --demo 使用的示范数据包（默认 resources/demo/demo-region.zip）
  -h, --help              显示本帮助

退出码: 0 成功；1 数据或工作区问题；2 用法错误。`;

const actor = (() => {
  try {
    return `${userInfo().username}（命令行）`;
  } catch {
    return '命令行';
  }
})();

class UsageError extends Error {}

function out(json: boolean, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
}

function issueLine(i: ImportIssue): string {
  return `  [${i.severity === 'error' ? '错误' : '警告'}] ${describeLocation(i)}：${i.message} 处理建议：${i.hint}`;
}

function reportText(r: ImportReport, committed: boolean): string {
  const lines = [
    `数据包：${r.fileName}（${r.format}，SHA-256 ${r.sha256.slice(0, 16)}…）`,
    `统筹地区：${r.regionName}（${r.regionCode}）`,
    `期间：${r.periods.length ? `${formatPeriodZh(r.periods[0]!)} 至 ${formatPeriodZh(r.periods[r.periods.length - 1]!)}，共 ${r.periods.length} 个` : '无'}`,
    `内容：机构 ${r.counts.institutions} 家，地区指标值 ${r.counts.regionValues} 个，机构指标值 ${r.counts.institutionValues} 个，病组行 ${r.counts.groupRows} 行，地方指标 ${r.counts.extraIndicators} 项`,
  ];
  if (r.errors.length) {
    lines.push(`错误 ${r.errors.length + r.truncated.errors} 个（未写入任何数据）：`);
    lines.push(...r.errors.map(issueLine));
    if (r.truncated.errors) lines.push(`  ……另有 ${r.truncated.errors} 个错误未列出`);
  }
  if (r.warnings.length) {
    lines.push(`警告 ${r.warnings.length + r.truncated.warnings} 个（不影响导入）：`);
    lines.push(...r.warnings.slice(0, 50).map(issueLine));
    if (r.warnings.length + r.truncated.warnings > 50)
      lines.push(`  ……另有 ${r.warnings.length + r.truncated.warnings - 50} 个警告未列出（--json 可查看全部已列出的）`);
  }
  const changed = r.diff.filter((d) => d.changed + d.removed > 0);
  if (r.supersedes) lines.push(`与工作区现有数据相比：${changed.length} 个期间有数值变化，将替代旧版本（旧数据保留在历史中）。`);
  if (!r.errors.length) lines.push(committed ? '已导入。' : '检查通过，可以导入。');
  return lines.join('\n');
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolvePrompt) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(question);
    out._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolvePrompt(answer);
    });
  });
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      workspace: { type: 'string', short: 'w' },
      'region-code': { type: 'string' },
      'region-name': { type: 'string' },
      demo: { type: 'boolean', default: false },
      plain: { type: 'boolean', default: false },
      'demo-package': { type: 'string' },
      seed: { type: 'string' },
      witness: { type: 'string', multiple: true },
      'password-env': { type: 'string' },
      'seed-source': { type: 'string' },
      'seed-count': { type: 'string' },
      'seed-digits': { type: 'string' },
      'seed-order': { type: 'string' },
      announcement: { type: 'string' },
      chain: { type: 'boolean', default: false },
      out: { type: 'string' },
      period: { type: 'string' },
      institution: { type: 'string' },
      all: { type: 'boolean', default: false },
      meeting: { type: 'string' },
      format: { type: 'string' },
    },
  });
  const [command, arg] = positionals;
  /** the workspace password, from the environment variable named by --password-env (never an argument: ps shows those) */
  // on a terminal, without --password-env: asked for, not echoed (a new workspace: set, or Enter for none)
  let typed: string | null = null;
  /** init asked on the terminal: an empty answer is the user's choice of an unencrypted workspace */
  let typedOnTerminal = false;
  if (!values['password-env'] && process.stdin.isTTY && command) {
    const target = command === 'init' ? null : (values.workspace ?? arg);
    if (command === 'init' && !values.demo && !values.plain && arg) {
      typed = (await promptHidden('设置工作区密码（至少8位；直接回车则不加密）：')) || null;
      typedOnTerminal = true;
    } else if (target && looksEncrypted(resolve(target))) typed = await promptHidden('工作区密码：');
  }
  const password = (): string | null => {
    const name = values['password-env'];
    if (!name) return typed;
    const v = process.env[name];
    if (!v) throw new UsageError(`环境变量 ${name} 未设置或为空：--password-env 须指向保存工作区密码的环境变量。`);
    return v;
  };
  const json = values.json;
  if (values.help || !command) {
    process.stdout.write(`${HELP}\n`);
    return command || values.help ? 0 : 2;
  }
  const session = new WorkspaceSession();
  try {
    switch (command) {
      case 'init': {
        if (!arg) throw new UsageError('请指定工作区文件路径，例如：init 南京市.ljd');
        const path = resolve(arg);
        if (values.demo) {
          await openOrCreateDemo(session, {
            workspacePath: path,
            demoPackage: resolve(values['demo-package'] ?? join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip')),
            actor,
          });
        } else {
          const code = values['region-code'];
          const name = values['region-name'];
          if (!code || !/^\d{6}$/.test(code) || !name)
            throw new UsageError('新建工作区需要 --region-code（6位数字）和 --region-name，或用 --demo 新建示范工作区。');
          const pw = password();
          // a workspace is encrypted unless the user says otherwise: without a terminal to ask on and
          // without --password-env, only --plain makes an unencrypted one (a script never does by omission)
          if (pw === null && !values.plain && !typedOnTerminal)
            throw new UsageError('新建工作区未给出密码：请用 --password-env <变量名> 指定保存密码的环境变量；确需不加密的工作区时请加 --plain。');
          if (pw !== null && values.plain) throw new UsageError('--plain（不加密）与工作区密码不能同时给出。');
          session.create(path, { regionCode: code, regionName: name, actor, password: pw });
        }
        const info = workspaceInfo(session.db);
        out(
          json,
          info,
          `已新建工作区：${path}\n统筹地区：${info.regionName}（${info.regionCode}）${info.isDemo ? `\n已导入示范数据：机构 ${info.institutionCount} 家，期间 ${info.periods.length} 个` : ''}`,
        );
        return 0;
      }
      case 'info': {
        const path = arg ?? values.workspace;
        if (!path) throw new UsageError('请指定工作区文件。');
        session.open(resolve(path), actor, password());
        const info = workspaceInfo(session.db);
        // the fund's headline figures for the default period (a month, or a year/1–N月 without months)
        const ov = overview(session.db, null);
        const fund = ov.kpis
          .filter((k) => ['FI_TOTAL', 'FE_TOTAL', 'FB_TOTAL'].includes(k.code) && k.value !== null)
          .map((k) => ({ code: k.code, name: k.name, unit: k.unit, value: k.value }));
        const fundLine =
          ov.period && fund.length
            ? `\n基金概况（${formatPeriodZh(ov.period)}）：${fund.map((k) => `${k.name} ${formatValue(k.value, k.unit)}`).join('，')}`
            : '';
        out(
          json,
          { ...info, fund: { period: ov.period, figures: fund } },
          `工作区：${info.path}\n统筹地区：${info.regionName}（${info.regionCode}）\n机构：${info.institutionCount} 家\n数据期间：${info.periods.length} 个${info.latestMonth ? `，最新月份 ${formatPeriodZh(info.latestMonth)}` : info.latestPeriod ? `，最新期间 ${formatPeriodZh(info.latestPeriod)}` : ''}${fundLine}\n导入次数：${info.importCount}\n数据库版本：${info.schemaVersion}`,
        );
        return 0;
      }
      case 'validate':
      case 'import': {
        if (!arg) throw new UsageError(`请指定数据包文件，例如：${command} 2025年3月数据包.xlsx${command === 'import' ? ' --workspace 南京市.ljd' : ''}`);
        let tempDir: string | null = null;
        if (values.workspace) session.open(resolve(values.workspace), actor, password());
        else if (command === 'import') throw new UsageError('导入需要 --workspace 指定工作区。');
        else {
          // validating without a workspace: check the package against a throwaway workspace
          tempDir = mkdtempSync(join(tmpdir(), 'liangjiadi-validate-'));
          session.create(join(tempDir, 'validate.ljd'), { regionCode: DEMO_REGION_CODE, regionName: DEMO_REGION_NAME, actor });
        }
        try {
          const report = await session.imports.prepare(session.db, resolve(arg), undefined, { anyRegion: tempDir !== null });
          if (!report.token || command === 'validate') {
            out(json, report, reportText(report, false));
            return report.token ? 0 : 1;
          }
          // a backup before every import (not of the demo), as the app makes: a wrong package can be undone whole
          const backup = session.isDemo ? null : session.backup('import', actor);
          const record = session.imports.commit(session.db, report.token, actor);
          out(json, { report, record, backup }, `${reportText(report, true)}${backup ? `\n导入前已备份：${backup.name}` : ''}`);
          return 0;
        } finally {
          session.close();
          if (tempDir) rmSync(tempDir, { recursive: true, force: true });
        }
      }
      case 'template': {
        if (!arg) throw new UsageError('请指定输出文件，例如：template 数据包模板.xlsx');
        if (values.workspace) session.open(resolve(values.workspace), actor, password());
        const path = await writeTemplate(session.isOpen ? session.db : null, resolve(arg), actor);
        out(json, { path }, `已导出模板：${path}`);
        return 0;
      }
      case 'audit-verify': {
        const path = arg ?? values.workspace;
        if (!path) throw new UsageError('请指定工作区文件。');
        session.open(resolve(path), actor, password());
        const r = verifyAuditChain(session.db);
        out(json, r, r.ok ? `审计日志完整：共 ${r.count} 条，哈希链校验通过。` : `审计日志被改动：第 ${r.brokenAt} 条起哈希链不一致。`);
        return r.ok ? 0 : 1;
      }
      case 'pool-import': {
        if (!arg || !values.workspace) throw new UsageError('用法：pool-import <成员库.xlsx|csv> --workspace <工作区.ljd>');
        session.open(resolve(values.workspace), actor, password());
        const r = await importPool(session.db, resolve(arg), actor);
        out(
          json,
          r,
          r.errors.length
            ? `成员库有 ${r.errors.length} 处错误，未导入：\n${r.errors.map((e) => `  ${describeLocation(e)}：${e.message} 处理建议：${e.hint}`).join('\n')}`
            : `已导入 ${r.added} 名成员。`,
        );
        return r.errors.length ? 1 : 0;
      }
      case 'draw-freeze':
      case 'draw-chain':
      case 'draw': {
        if (!values.workspace) throw new UsageError('请用 --workspace 指定工作区。');
        session.open(resolve(values.workspace), actor, password());
        const r =
          command === 'draw'
            ? drawCommand(session, values, actor)
            : command === 'draw-chain'
              ? chainCommand(session, values, actor)
              : freezeCommand(session, values, actor);
        out(json, r.value, r.text);
        return r.code;
      }
      case 'verify-draw': {
        const r = verifyCommand(arg, values);
        out(json, r.value, r.text);
        return r.code;
      }
      case 'report': {
        if (!values.workspace) throw new UsageError('请用 --workspace 指定工作区。');
        session.open(resolve(values.workspace), actor, password());
        const r = await reportCommand(
          session,
          {
            type: arg,
            period: values.period,
            institution: values.institution,
            all: values.all,
            meeting: values.meeting,
            format: values.format,
            out: values.out,
          },
          actor,
          (t) => {
            if (!json) process.stderr.write(`${t}\n`);
          },
        );
        out(json, r.value, r.text);
        return 0;
      }
      case 'trace': {
        if (!arg || !values.workspace) throw new UsageError('用法：trace <文件> --workspace <工作区.ljd>');
        session.open(resolve(values.workspace), actor, password());
        const r = await traceCommand(session, arg);
        out(json, r.value, r.text);
        return r.found ? 0 : 1;
      }
      default:
        throw new UsageError(`未知命令“${command}”。运行 --help 查看可用命令。`);
    }
  } finally {
    session.close();
  }
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
 * Exits once stdout and stderr have been handed to the system: to a pipe Node writes asynchronously,
 * and process.exit() at once would cut a long --json answer at the pipe's buffer (64 KiB).
 */
function exitAfterFlush(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main(process.argv.slice(2)).then(
  (code) => {
    settled = true;
    exitAfterFlush(code);
  },
  (e) => {
    settled = true;
    const json = process.argv.includes('--json');
    if (
      e instanceof UsageError ||
      e instanceof ReportUsageError ||
      e instanceof DrawUsageError ||
      (e instanceof Error && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
    ) {
      const message = e instanceof UsageError || e instanceof ReportUsageError || e instanceof DrawUsageError ? e.message : `参数错误：${e.message}`;
      if (json) process.stdout.write(`${JSON.stringify({ error: { code: 'USAGE', message } })}\n`);
      else process.stderr.write(`${message}\n运行 --help 查看用法。\n`);
      return exitAfterFlush(2);
    }
    const data = toErrorData(e);
    if (data.code === 'INTERNAL') console.error(e);
    if (json) process.stdout.write(`${JSON.stringify({ error: data })}\n`);
    else process.stderr.write(`错误：${data.message}${data.hint ? `\n处理建议：${data.hint}` : ''}\n`);
    exitAfterFlush(1);
  },
);
