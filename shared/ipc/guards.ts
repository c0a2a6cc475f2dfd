// Which calls the dispatch holds back: the operations two-person control covers (declared on their
// contract entries with twoPerson(...)), and the few channels the app answers while it is locked.
// Every other channel that writes is listed below with the reason it needs no reviewer, and the
// compiler requires it: a new writing channel that is neither guarded nor listed does not build.

import { contract, type Channel, type Contract } from './contract';
import type { Entry, TwoPersonGuard } from './contracts/common';

type GuardedChannel = { [C in Channel]: Contract[C] extends { guard: TwoPersonGuard } ? C : never }[Channel];
type WritingChannel = { [C in Channel]: Contract[C]['mode'] extends 'write' ? C : never }[Channel];

/** Writing channels two-person control does not cover, each with the reason. */
export const UNGUARDED: Record<Exclude<WritingChannel, GuardedChannel>, string> = {
  'analysis.recordCause': '记录预警原因：只增加说明，不导出、不删除',
  'app.restartService': '重新启动数据服务：不读写数据',
  'app.contentProtection': '防截屏开关：只影响本机窗口',
  'app.lockState': '锁定状态：不含数据',
  'app.lock': '锁定或设置自动锁定时间：不含数据',
  'comments.quick': '记录意见：只增加记录',
  'comments.save': '记录意见：只增加记录',
  'comments.transition': '意见状态变更：留痕，可再变更',
  'draw.setRules': '抽选规则：冻结时随公告哈希公布，事后改动可查',
  'draw.freeze': '冻结成员库：公布前置，作废才需复核',
  'draw.execute': '抽选：现场见证，记录哈希公开',
  'draw.exportAnnouncement': '抽选公告：本就用于公示',
  'draw.exportRecord': '抽选记录：本就用于公示',
  'draw.exportChain': '抽选记录链：本就用于公示，供监督方核对 previousHash',
  'evaluation.publish': '发布排名：留存可复现，导出才需复核',
  'import.prepare': '检查数据包：不写入',
  'import.commit': '导入数据包：导入前自动备份，旧数据保留在历史中',
  'import.discard': '放弃已检查的数据包：不删除已有数据',
  'import.template': '空白模板：只含机构名单',
  'meetings.create': '会议记录：只增加记录',
  'meetings.update': '会议记录：更正会议信息（记入审计日志，前后值都在）',
  'meetings.removeAttendee': '会议记录：移除误登记的参会人（记入审计日志）',
  'meetings.updateAttendee': '会议记录：更正参会人姓名、单位或身份（记入审计日志，前后值都在）',
  'meetings.saveMinutes': '会议纪要：留痕',
  'meetings.setAgenda': '会议议程：不含各机构数据',
  'meetings.addAttendee': '参会人：只增加记录',
  'meetings.addSittingMembers': '参会人：只增加记录',
  'meetings.setPresence': '签到：留痕',
  'meetings.exportList': '签到表与成员名单：会上公开使用',
  'members.appoint': '任命成员：来自公开抽选结果',
  'members.extend': '延长任期：留痕',
  'rectification.fromFlags': '红色预警转为整改事项：只增加记录，原因与数据留存，不导出',
  'rectification.fromGrades': '红色等级转为整改事项：只增加记录，原因与数据留存，不导出',
  'rectification.fromComments': '不规范意见转为整改事项：只增加记录，不导出',
  'rectification.addFinding': '登记发现的问题：只增加记录，不导出',
  'rectification.step': '记录反馈、整改、复查：按顺序留痕，记入审计日志，不导出',
  'pool.add': '成员库新增：只增加记录',
  'pool.update': '成员库修改：留痕',
  'pool.setEligibility': '抽选资格：留痕并写明原因',
  'pool.template': '推荐表：发给各机构填写的空表',
  'pool.import': '导入成员库：只增加记录',
  'reports.saveText': '报告文字：不导出',
  'security.confirm': '复核人确认本身：校验复核密码',
  'settings.set': '处室与清算日期：不含各机构数据',
  'dialog.open': '选择文件：只选路径',
  'dialog.save': '选择保存位置：只选路径，导出本身需复核',
  'dialog.folder': '选择文件夹：只选路径',
  'views.save': '演示页面：只保存视图',
  'views.remove': '移出演示：只删除视图，不删除数据',
  'views.rename': '演示页面：只改名称',
  'views.reorder': '演示页面：只改顺序',
  'workspace.create': '新建工作区：复核设置随工作区另行开启',
  'workspace.open': '打开工作区：须持有该工作区的密码',
  'workspace.backup': '备份：加密保存在备份文件夹，不外发',
  'workspace.restoreDamaged': '损坏工作区的恢复：当时无法读取其复核设置，只能用它自己的备份',
};

/** The contract's two-person guard of a channel, if it has one. */
export function guardOf(channel: Channel): TwoPersonGuard | undefined {
  return (contract[channel] as Entry).guard;
}

/** Whether this call needs a reviewer's confirmation (when two-person control is on). */
export function isGuardedCall(channel: Channel, input: unknown): boolean {
  const g = guardOf(channel);
  return !!g && (!g.when || g.when(input as never));
}

/** What the reviewer confirms for this call, in the words of the operation. */
export function guardedWhat(channel: Channel, input: unknown): string {
  return guardOf(channel)?.what(input as never) ?? channel;
}

/** The channels answered while the app is locked: the password check that unlocks it, and the lock's state. */
export const OPEN_WHILE_LOCKED: ReadonlySet<Channel> = new Set<Channel>(['workspace.unlock', 'app.lockState']);
