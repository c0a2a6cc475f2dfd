// The command line's commands: each opens the workspace through the same session as the app and
// prints its answer (text, or one JSON document with --json). Loaded by cli.node.ts only once a
// command is known; what only one command needs (the workbook writer, the report and draw code)
// is loaded by that command, so `info` does not pay for ExcelJS, pdfkit, ECharts or docx.

import { mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { ImportIssue, ImportReport } from '../../shared/domain/types';
import { formatPeriodZh } from '../../shared/period';
import { formatDateTimeZh, formatValue } from '../../shared/format';
import { looksEncrypted } from '../services/db/connection';
import { overview } from '../services/data/queries';
import { DEMO_REGION_CODE, DEMO_REGION_NAME } from '../services/demo/demo-region';
import { describeLocation } from '../services/import/issues';
import { openOrCreateDemo } from '../services/host/bootstrap';
import { WorkspaceSession } from '../services/host/session';
import { inspectWorkspace, workspaceInfo } from '../services/workspace/workspace';
import { chainHead, verifyAuditChain } from '../services/audit/audit';
import { UsageError, type CliValues, type Command } from './cli-args.node';

const actor = (() => {
  try {
    return `${userInfo().username}（命令行）`;
  } catch {
    return '命令行';
  }
})();

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
  if (r.sameFile)
    lines.push(`与 ${formatDateTimeZh(r.sameFile.importedAt)} 已导入的文件“${r.sameFile.fileName}”相同（SHA-256 一致，第 ${r.sameFile.importId} 次导入）。`);
  if (r.supersedes) lines.push(`与工作区现有数据相比：${r.supersededPeriods.length} 个期间的数据有变化，将替代旧版本（旧数据保留在历史中）。`);
  if (r.unchangedPeriods.length) lines.push(`${r.unchangedPeriods.length} 个期间的数据与工作区相同，导入时不会改动。`);
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

/** Runs one command; the exit code (0 done, 1 a data or workspace problem). */
export async function runCommand(command: Command, arg: string | undefined, values: CliValues): Promise<number> {
  /** the workspace password, from the environment variable named by --password-env (never an argument: ps shows those) */
  // on a terminal, without --password-env: asked for, not echoed (a new workspace: set, or Enter for none)
  let typed: string | null = null;
  /** init asked on the terminal: an empty answer is the user's choice of an unencrypted workspace */
  let typedOnTerminal = false;
  if (!values['password-env'] && process.stdin.isTTY) {
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
        // read-only: no audit entry, no migration, no backup (the file keeps its bytes); the fund's
        // headline figures for the default period (a month, or a year/1–N月 without months)
        const { info, ov } = inspectWorkspace(resolve(path), password(), (db) => ({ info: workspaceInfo(db), ov: overview(db, null) }));
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
        const { writeTemplate } = await import('../services/package/template');
        const path = await writeTemplate(session.isOpen ? session.db : null, resolve(arg), actor);
        out(json, { path }, `已导出模板：${path}`);
        return 0;
      }
      case 'audit-verify': {
        const path = arg ?? values.workspace;
        if (!path) throw new UsageError('请指定工作区文件。');
        const { anchorText, compareWithAnchor } = await import('../services/audit/anchor');
        const { twoPersonStatus } = await import('../services/security/two-person');
        // read-only: the check writes nothing into the workspace it inspects
        return inspectWorkspace(resolve(path), password(), (db) => {
          const chain = verifyAuditChain(db);
          const anchor = compareWithAnchor(db);
          // the two-person setting and the reviewers, recomputed from the log
          const twoPerson = twoPersonStatus(db).problem;
          const ok = chain.ok && anchor.state === 'ok' && !twoPerson;
          const head = chainHead(db);
          out(
            json,
            { ...chain, ok, count: head.count, head: head.hash, anchor, twoPerson },
            `${chain.ok ? `哈希链校验通过：共 ${head.count} 条` : `审计日志被改动：第 ${chain.brokenAt} 条起哈希链不一致`}；${anchorText(anchor)}${twoPerson ? `\n${twoPerson}` : ''}\n${ok ? '审计日志完整。' : '审计日志未通过校验。'}`,
          );
          return ok ? 0 : 1;
        });
      }
      case 'pool-import': {
        if (!arg || !values.workspace) throw new UsageError('用法：pool-import <成员库.xlsx|csv> --workspace <工作区.ljd>');
        session.open(resolve(values.workspace), actor, password());
        const { importPool } = await import('../services/pool/pool-import');
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
        const { chainCommand, drawCommand, freezeCommand } = await import('./draw-commands.node');
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
        const { verifyCommand } = await import('./draw-commands.node');
        const r = verifyCommand(arg, values);
        out(json, r.value, r.text);
        return r.code;
      }
      case 'report': {
        if (!values.workspace) throw new UsageError('请用 --workspace 指定工作区。');
        session.open(resolve(values.workspace), actor, password());
        if (arg === '机构数据包') {
          const { packCommand } = await import('./pack-commands.node');
          const p = await packCommand(
            session,
            { institution: values.institution, all: values.all, level: values.level, from: values.from, to: values.to, out: values.out },
            actor,
            (t) => {
              if (!json) process.stderr.write(`${t}\n`);
            },
          );
          out(json, p.value, p.text);
          return 0;
        }
        const { reportCommand } = await import('./report-commands.node');
        const { guardedActor, reviewerSource } = await import('./reviewer.node');
        /** the reviewer, asked for only when an operation needs one (two-person control) */
        const reviewer = reviewerSource(values.reviewer, values['reviewer-password-env'], promptHidden);
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
            placeholders: values.placeholders,
          },
          actor,
          (t) => {
            if (!json) process.stderr.write(`${t}\n`);
          },
          (channel, input) => guardedActor(session, channel, input, actor, reviewer),
        );
        out(json, r.value, r.text);
        return 0;
      }
      case 'trace': {
        if ((!arg && !values.id) || !values.workspace)
          throw new UsageError('用法：trace <文件> --workspace <工作区.ljd>，或 trace --id <LJD-…> --workspace <工作区.ljd>');
        session.open(resolve(values.workspace), actor, password());
        const { traceCommand } = await import('./report-commands.node');
        const r = await traceCommand(session, arg ? { file: arg } : { id: values.id! });
        out(json, r.value, r.text);
        return r.found ? 0 : 1;
      }
    }
  } finally {
    session.close();
  }
}
