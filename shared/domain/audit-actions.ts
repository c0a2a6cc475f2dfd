// The audit log's actions in the words a convenor reads: the settings page and the exported log.
// Every action the services record is a key here (recordAudit takes only these), so none can reach
// the screen or the log sent to 纪检 as a code.

export const AUDIT_ACTIONS = {
  'workspace.create': '新建工作区',
  'workspace.open': '打开工作区',
  'workspace.migrate': '升级数据库',
  'workspace.encrypt': '加密工作区',
  'workspace.rekey': '修改工作区密码',
  'workspace.backup': '备份工作区',
  'workspace.damaged': '工作区文件检查未通过',
  'workspace.restore': '从备份恢复',
  'audit.export': '导出审计日志',
  'security.reviewer': '变更复核人',
  'security.twoPerson': '双人双锁开关',
  'security.confirm': '复核人确认',
  'import.commit': '导入数据包',
  'import.template': '导出模板',
  'pool.add': '成员库新增',
  'pool.update': '成员库修改',
  'pool.remove': '成员库删除',
  'pool.import': '导入成员库',
  'pool.template': '生成推荐表',
  'pool.eligible': '恢复抽选资格',
  'pool.ineligible': '标注不符合条件',
  'draw.rules': '修改抽选规则',
  'draw.freeze': '冻结成员库',
  'draw.execute': '抽选',
  'draw.cancel': '作废冻结',
  'draw.export': '导出抽选记录',
  'draw.announcement': '导出抽选公告',
  'member.appoint': '任命成员',
  'member.extend': '延长任期',
  'member.termsEnded': '任期届满',
  'flags.cause': '记录预警原因',
  'flags.thresholds': '修改预警阈值',
  'views.save': '加入演示',
  'views.remove': '移出演示',
  'views.rename': '重命名演示页面',
  'views.reorder': '调整演示顺序',
  'comments.quick': '演示中记录意见',
  'export.table': '导出数据',
  'export.image': '导出图表',
  'meeting.create': '新建会议',
  'meeting.update': '修改会议信息',
  'meeting.removeAttendee': '移除参会人',
  'meeting.minutes': '保存纪要',
  'meeting.attendee': '登记参会人',
  'meeting.signin': '签到',
  'meeting.absent': '缺席',
  'comment.create': '记录意见',
  'comment.status': '意见状态变更',
  'meeting.exportList': '导出清单',
  'meeting.agenda': '设置会议议程',
  'meeting.attendeesFromMembers': '添加在任成员为参会人',
  'evaluation.scheme': '修改评价方案',
  'evaluation.publish': '发布绩效评价排名',
  'report.export': '导出报告',
  'report.text': '保存报告文字',
  'settings.region': '修改地区设置',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** An action as people read it; a code this version does not know (from a newer one) is named as such. */
export function auditActionName(code: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[code] ?? `其他操作（${code}）`;
}
