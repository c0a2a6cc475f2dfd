// `report 机构数据包`: one hospital's pack (--institution) or every hospital's, or a level's (--all
// [--level 三级]), for the months --from … --to, written to --out with the password sheet beside.
// The same service as the app's button (electron/services/pack/); loaded only when used.

import { join, resolve } from 'node:path';
import { normalizePeriod, formatPeriodZh, isMonthKey } from '../../shared/period';
import type { WorkspaceSession } from '../services/host/session';
import { makePack, makePackBatch, packFileName } from '../services/pack/make-pack';
import { UsageError } from './cli-args.node';

export interface PackArgs {
  institution?: string;
  all?: boolean;
  level?: string;
  from?: string;
  to?: string;
  out?: string;
}

const USAGE =
  'report 机构数据包 (--institution <机构编码> | --all [--level 三级|二级|一级及基层|未定级]) --from <起始月> --to <截止月> --workspace <工作区.ljd> --out <文件夹>';
const LEVELS = ['三级', '二级', '一级及基层', '未定级'];

function month(x: string | undefined, what: string): string {
  const m = x ? normalizePeriod(x) : null;
  if (!m || !isMonthKey(m)) throw new UsageError(`请用 ${what} 指定月份（如 2025-01、2025年1月）。用法：${USAGE}`);
  return m;
}

export async function packCommand(
  session: WorkspaceSession,
  a: PackArgs,
  actor: string,
  progress: (text: string) => void,
): Promise<{ value: unknown; text: string }> {
  if (!a.out) throw new UsageError(`请用 --out 指定输出文件夹。用法：${USAGE}`);
  if (!a.all === !a.institution) throw new UsageError(`请用 --institution 指定一家机构，或用 --all 生成全部机构。用法：${USAGE}`);
  if (a.level && !LEVELS.includes(a.level)) throw new UsageError(`--level 只能是 ${LEVELS.join('、')}。`);
  const from = month(a.from, '--from');
  const to = month(a.to, '--to');
  const dir = resolve(a.out);
  if (a.all) {
    const r = await makePackBatch(
      session.db,
      { band: a.level ?? null, from, to, dir },
      actor,
      (done, total, name) => progress(`  [${done}/${total}] ${name}`),
      () => false,
    );
    return {
      value: r,
      text: [
        `已生成机构数据包 ${r.files.length} 份（${formatPeriodZh(from)}至${formatPeriodZh(to)}）：`,
        ...r.files.map((f) => `  ${f.record.path}\n    编号 ${f.record.id}`),
        `密码表（请打印后与文件分开交付）：`,
        ...(r.sheet ? [`  ${r.sheet.path}`] : []),
      ].join('\n'),
    };
  }
  const code = a.institution!;
  const name = session.db.conn.prepare('SELECT name FROM institutions WHERE code = ?').pluck().get(code) as string | undefined;
  const r = await makePack(session.db, { institution: code, from, to, path: join(dir, packFileName(code, name ?? code, from, to)) }, actor);
  return {
    value: r,
    text: [
      `已生成机构数据包：`,
      `  ${r.record.path}`,
      `    编号 ${r.record.id} · ${(r.bytes / 1024).toFixed(0)} KB`,
      `密码：${r.password}（只显示这一次；密码单 ${r.sheet.path}，请与文件分开交付）`,
    ].join('\n'),
  };
}
