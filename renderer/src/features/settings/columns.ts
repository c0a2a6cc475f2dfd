import type { Column } from '../../components/grid-columns';
import type { AuditEntry, Indicator } from '../../../../shared/domain/types';
import { formatDateTimeZh } from '../../../../shared/format';
import { auditActionName } from '../../../../shared/domain/audit-actions';
import { auditTargetName } from '../../../../shared/domain/audit-targets';

export const auditColumns: Column<AuditEntry>[] = [
  { headerName: '序号', kind: 'code', priority: 2, field: 'id', width: 80, type: 'numericColumn' },
  { headerName: '时间', kind: 'datetime', priority: 1, field: 'at', valueFormatter: (p) => formatDateTimeZh(p.value as string), width: 190 },
  { headerName: '操作人', kind: 'label', priority: 2, field: 'actor', width: 150 },
  { headerName: '操作', kind: 'label', priority: 1, field: 'action', valueFormatter: (p) => auditActionName(p.value as string), width: 160 },
  { headerName: '对象', kind: 'reading', field: 'target', valueFormatter: (p) => auditTargetName(String(p.value ?? '')) },
  { headerName: '哈希', kind: 'code', priority: 3, field: 'hash', width: 150, valueFormatter: (p) => `${String(p.value).slice(0, 12)}…` },
];

export const catalogColumns: Column<Indicator>[] = [
  { headerName: '分组', kind: 'label', priority: 2, field: 'group', width: 190, rowGroup: false },
  { headerName: '指标', kind: 'name', field: 'name', minWidth: 220 },
  { headerName: '编码', kind: 'code', priority: 3, field: 'code', width: 190 },
  { headerName: '单位', kind: 'status', priority: 2, field: 'unit' },
  { headerName: '频次', kind: 'status', priority: 3, field: 'frequency' },
  {
    headerName: '分机构公布',
    kind: 'status',
    priority: 3,
    field: 'perInstitution',
    width: 110,
    cellDataType: 'text',
    valueFormatter: (p) => (p.value ? '是 *' : '否'),
  },
  { headerName: '计算方式', kind: 'label', priority: 3, valueGetter: (p) => (p.data?.formula ? '公式计算' : '数据包填报') },
  { headerName: '来源', kind: 'label', priority: 3, field: 'source', width: 200 },
  {
    headerName: '类别',
    kind: 'status',
    priority: 2,
    valueGetter: (p) => (p.data?.official ? '国家附表' : p.data?.builtin ? '内置扩展' : '地方指标'),
    width: 100,
  },
];
