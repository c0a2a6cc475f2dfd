// The report commands of the command line: `report` writes the same files as the app's 报告 page
// (the same builders and writers, stamped and registered) and the 会议 page's four lists, `trace`
// names the export a file (or an id read off paper) came from.

import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { exportList, type ListKind } from '../services/meetings/lists';
import { exportNotice, NOTICE_TYPE } from '../services/rectification/notice';
import { REPORT_FORMATS, type ExportRecord, type ReportFormat } from '../../shared/reports/model';
import { PENDING_HINT, PLACEHOLDER_CHOICES, type PlaceholderChoice } from '../../shared/reports/placeholders';
import { AppError } from '../../shared/errors';
import { cliUsage, REPORT_TYPES, reportSpec, type ReportType } from '../../shared/reports/registry';
import { formatDateTimeZh } from '../../shared/format';
import { normalizePeriod, formatPeriodZh } from '../../shared/period';
import type { WorkspaceSession } from '../services/host/session';
import { exportBatch, exportReport, institutionFileLabelOf } from '../services/reports/export-report';
import { trace, traceId } from '../services/reports/register';
import { UsageError } from './cli-args.node';

export interface ReportArgs {
  type?: string;
  period?: string;
  institution?: string;
  all?: boolean;
  meeting?: string;
  format?: string;
  out?: string;
  placeholders?: string;
}

const line = (r: ExportRecord) => `  ${r.path}\n    编号 ${r.id} · SHA-256 ${r.sha256.slice(0, 16)}…`;

/** The refusal of a report with empty text blocks, told the command line's way of choosing. */
async function askedAtTheCommandLine<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof AppError && e.hint === PENDING_HINT)
      throw new AppError(
        e.code,
        e.message,
        '请加 --placeholders keep（保留红色的“【待填写】”）或 --placeholders drop（删去这些部分）；或先在程序“报告”页填写。',
      );
    throw e;
  }
}

/** The lists as the command line names them (the 会议 page's lists, stamped and registered like a report). */
const LISTS: Record<string, ListKind> = { 问题建议清单: '问题建议清单', 警示清单: '警示清单', ADRG建议: '技术建议报告', 意见记录: '机构意见记录' };

async function listCommand(session: WorkspaceSession, name: string, a: ReportArgs, actor: string): Promise<{ value: unknown; text: string }> {
  const kind = LISTS[name]!;
  const format = a.format ?? 'xlsx';
  if (format !== 'xlsx' && format !== 'docx') throw new UsageError(`${name}的 --format 只能是 xlsx 或 docx。`);
  const usage = `report ${name} --workspace <工作区.ljd> --out <文件夹>${{ 问题建议清单: ' --meeting <会议编号>', 警示清单: '', 技术建议报告: ' --period <半年度，如 2025年上半年>', 机构意见记录: ' --institution <机构编码>' }[kind]} [--format xlsx|docx]`;
  if (!a.out) throw new UsageError(`请用 --out 指定输出文件夹。用法：${usage}`);
  let opts: { meetingId?: number; institution?: string; half?: string } = {};
  let suffix = '';
  if (kind === '问题建议清单') {
    if (!a.meeting) throw new UsageError(`请用 --meeting 指定会议编号。用法：${usage}`);
    opts = { meetingId: Number(a.meeting) };
    suffix = `会议${a.meeting}`;
  } else if (kind === '技术建议报告') {
    const half = a.period ? normalizePeriod(a.period) : null;
    if (!half || !/^\d{4}-H[12]$/.test(half)) throw new UsageError(`请用 --period 指定半年度（如 2025年上半年、2025H2）。用法：${usage}`);
    opts = { half };
    suffix = formatPeriodZh(half);
  } else if (kind === '机构意见记录') {
    if (!a.institution) throw new UsageError(`请用 --institution 指定机构编码。用法：${usage}`);
    opts = { institution: a.institution };
    suffix = institutionFileLabelOf(session.db, a.institution);
  }
  const path = join(resolve(a.out), `${[name, suffix].filter(Boolean).join('-')}.${format}`);
  mkdirSync(dirname(path), { recursive: true });
  const r = await exportList(session.db, kind, opts, path, actor);
  return { value: r, text: `已生成${name}（${r.rows} 条）：\n  ${r.path}\n    编号 ${r.id}` };
}

/** 整改通知 for one hospital: its open 整改事项, their reasons and the 30-day feedback dates (two-person control like 月告知). */
async function noticeCommand(session: WorkspaceSession, a: ReportArgs, guard: (input: unknown) => Promise<string>): Promise<{ value: unknown; text: string }> {
  const usage = 'report 整改通知 --institution <机构编码> --workspace <工作区.ljd> --out <文件夹> [--format pdf|docx]';
  if (!a.institution) throw new UsageError(`请用 --institution 指定机构编码。用法：${usage}`);
  if (!a.out) throw new UsageError(`请用 --out 指定输出文件夹。用法：${usage}`);
  const format = a.format ?? 'pdf';
  if (format !== 'pdf' && format !== 'docx') throw new UsageError(`整改通知的 --format 只能是 pdf 或 docx。用法：${usage}`);
  const path = join(resolve(a.out), `${NOTICE_TYPE}-${institutionFileLabelOf(session.db, a.institution)}.${format}`);
  const who = await guard({ institution: a.institution, format, path });
  const r = await exportNotice(session.db, a.institution, format, path, who);
  return { value: r, text: `已生成整改通知（${r.items} 项整改事项）：\n${line(r)}` };
}

/** guard: the audit actor for a guarded operation (two-person control, cli/reviewer.node.ts), or a refusal */
export async function reportCommand(
  session: WorkspaceSession,
  a: ReportArgs,
  actor: string,
  progress: (text: string) => void,
  guard: (channel: 'reports.export' | 'reports.exportBatch' | 'rectification.exportNotice', input: unknown) => Promise<string> = async () => actor,
): Promise<{ value: unknown; text: string }> {
  if (a.type && a.type in LISTS) return listCommand(session, a.type, a, actor);
  if (a.type === NOTICE_TYPE) return noticeCommand(session, a, (input) => guard('rectification.exportNotice', input));
  const common = ' --workspace <工作区.ljd> --out <文件夹> [--format pdf|docx|xlsx]';
  if (!a.type || !(REPORT_TYPES as readonly string[]).includes(a.type))
    throw new UsageError(
      `请指定报告类型（${REPORT_TYPES.join('、')}）或清单（${Object.keys(LISTS).join('、')}）。用法：\n${REPORT_TYPES.map((t) => `  ${cliUsage(t)}${common}`).join('\n')}\n  report <${Object.keys(LISTS).join('|')}> --workspace <工作区.ljd> --out <文件夹> [--meeting <会议编号> | --period <半年度> | --institution <机构编码>] [--format xlsx|docx]\n  report 整改通知 --institution <机构编码> --workspace <工作区.ljd> --out <文件夹> [--format pdf|docx]`,
    );
  const type = a.type as ReportType;
  const spec = reportSpec(type);
  const usage = `${cliUsage(type)}${common}`;
  if (!a.out) throw new UsageError(`请用 --out 指定输出文件夹。用法：${usage}`);
  const format = (a.format ?? 'pdf') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format 只能是 ${REPORT_FORMATS.join('、')}。`);
  const period = a.period ? normalizePeriod(a.period) : spec.subject === 'meeting' ? '' : null;
  if (period === null) throw new UsageError(`请用 --period 指定期间（能识别 2025-11、2025年11月、2025-Q3、2025年上半年、2025 等写法）。用法：${usage}`);
  const dir = resolve(a.out);
  if (a.placeholders !== undefined && !(PLACEHOLDER_CHOICES as readonly string[]).includes(a.placeholders))
    throw new UsageError('--placeholders 只能是 keep（保留红色“【待填写】”）或 drop（删去未填写的部分）。');
  const placeholders = a.placeholders as PlaceholderChoice | undefined;
  if (a.all && !spec.batch) throw new UsageError(`${type}不能用 --all 批量生成。用法：${usage}`);
  if (a.all) {
    const who = await guard('reports.exportBatch', { type, period, format, dir, ...(placeholders ? { placeholders } : {}) });
    const r = await askedAtTheCommandLine(() =>
      exportBatch(
        session.db,
        type,
        period,
        format,
        dir,
        who,
        (done, total, name) => progress(`  [${done}/${total}] ${name}`),
        () => false,
        placeholders,
      ),
    );
    return {
      value: r,
      text: [`已生成 ${formatPeriodZh(period)} ${type} ${r.files.length} 份：`, ...r.files.map(line), `全部打包：`, ...(r.zip ? [line(r.zip)] : [])].join('\n'),
    };
  }
  if (spec.subject === 'institution' && !a.institution)
    throw new UsageError(`${type}请用 --institution 指定机构编码${spec.batch ? '，或用 --all 生成全部DRG/DIP医疗机构' : ''}。用法：${usage}`);
  if (spec.subject === 'meeting' && !a.meeting) throw new UsageError(`${type}请用 --meeting 指定会议编号。用法：${usage}`);
  // only what the type is about: a hospital named for a region's report would key its saved texts apart
  const request = {
    type,
    period,
    institution: spec.subject === 'institution' ? (a.institution ?? null) : null,
    meetingId: spec.subject === 'meeting' && a.meeting ? Number(a.meeting) : null,
  };
  // a hospital's file carries its code and its name, so two hospitals of one name never share a file
  const label = request.institution ? institutionFileLabelOf(session.db, request.institution) : '';
  const name = [type, period ? formatPeriodZh(period) : '', label, a.meeting ? `会议${a.meeting}` : ''].filter(Boolean).join('-');
  const path = join(dir, `${name}.${format}`);
  const who = await guard('reports.export', { request, format, path, ...(placeholders ? { placeholders } : {}) });
  const rec = await askedAtTheCommandLine(() => exportReport(session.db, request, format, path, who, placeholders));
  return { value: rec, text: `已生成${type}：\n${line(rec)}` };
}

export async function traceCommand(
  session: WorkspaceSession,
  what: { file: string } | { id: string },
): Promise<{ value: unknown; text: string; found: boolean }> {
  const r = 'file' in what ? await trace(session.db, resolve(what.file)) : traceId(session.db, what.id);
  if (!r.record)
    return {
      value: r,
      found: false,
      text:
        'id' in what
          ? `未找到来源：本工作区的导出登记中没有编号 ${r.idInFile} 。请核对编号，或换用导出该文件的工作区。`
          : `未找到来源：本工作区的导出登记中没有与该文件对应的记录（SHA-256 ${r.sha256.slice(0, 16)}…${r.idInFile ? `；文件中的编号 ${r.idInFile} 未登记` : ''}）。`,
    };
  const how = {
    hash: '文件哈希完全一致',
    id: '文件元数据中的导出编号',
    text: '页面上印的导出编号',
    content: '文件内容（元数据已被删除或改动）',
    typed: '输入的导出编号',
  }[r.by!];
  const x = r.record;
  return {
    value: r,
    found: true,
    text: [
      `来源：导出编号 ${x.id}（依据：${how}）`,
      `  报告：${x.type} · ${x.period ? formatPeriodZh(x.period) : '—'}${x.institution ? ` · ${x.institution}` : ''}（${x.format}）`,
      `  导出人：${x.actor}`,
      `  导出时间：${formatDateTimeZh(x.at)}`,
      `  原文件：${x.path}`,
      ...(x.chainCount !== null
        ? [
            `  导出时审计链：第 ${x.chainCount} 条 · ${x.chainHash!.slice(0, 16)}（${r.chain === 'kept' ? '与现在的审计日志一致' : '现在的审计日志中该条已不同：日志在导出后被截短或改写'}）`,
          ]
        : []),
    ].join('\n'),
  };
}
