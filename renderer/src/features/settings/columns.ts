import type { ColDef } from 'ag-grid-community';
import type { AuditEntry, Indicator } from '../../../../shared/domain/types';
import { formatDateTimeZh } from '../../../../shared/format';

const ACTIONS: Record<string, string> = {
  'workspace.create': '新建工作区',
  'workspace.open': '打开工作区',
  'workspace.migrate': '升级数据库',
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
  'meeting.minutes': '保存纪要',
  'meeting.attendee': '登记参会人',
  'meeting.signin': '签到',
  'meeting.absent': '缺席',
  'comment.create': '记录意见',
  'comment.status': '意见状态变更',
  'meeting.exportList': '导出清单',
};

export const auditColumns: ColDef<AuditEntry>[] = [
  { headerName: '#', field: 'id', width: 80, type: 'numericColumn' },
  { headerName: '时间', field: 'at', valueFormatter: (p) => formatDateTimeZh(p.value as string), width: 190 },
  { headerName: '操作人', field: 'actor', width: 150 },
  { headerName: '操作', field: 'action', valueFormatter: (p) => ACTIONS[p.value as string] ?? (p.value as string), width: 130 },
  { headerName: '对象', field: 'target', flex: 1, minWidth: 200 },
  { headerName: '哈希', field: 'hash', width: 150, valueFormatter: (p) => `${String(p.value).slice(0, 12)}…` },
];

export const catalogColumns: ColDef<Indicator>[] = [
  { headerName: '分组', field: 'group', width: 190, rowGroup: false },
  { headerName: '指标', field: 'name', flex: 1, minWidth: 220 },
  { headerName: '编码', field: 'code', width: 190 },
  { headerName: '单位', field: 'unit', width: 80 },
  { headerName: '频次', field: 'frequency', width: 90 },
  { headerName: '分机构公布', field: 'perInstitution', width: 110, cellDataType: 'text', valueFormatter: (p) => (p.value ? '是 *' : '否') },
  { headerName: '计算方式', valueGetter: (p) => (p.data?.formula ? '公式计算' : '数据包填报'), width: 110 },
  { headerName: '来源', field: 'source', width: 200 },
  { headerName: '类别', valueGetter: (p) => (p.data?.official ? '国家附表' : p.data?.builtin ? '内置扩展' : '地方指标'), width: 100 },
];
