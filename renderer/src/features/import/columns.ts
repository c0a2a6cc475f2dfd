import type { Column } from '../../components/grid-columns';
import type { ImportIssue, ImportRecord, PeriodDiff, ValueChange } from '../../../../shared/domain/types';
import { formatDateTimeZh, formatValue } from '../../../../shared/format';
import { formatPeriodZh, periodSpanZh } from '../../../../shared/period';

export const issueColumns: Column<ImportIssue>[] = [
  { headerName: '文件', kind: 'label', priority: 3, field: 'file', width: 170 },
  { headerName: '工作表/文件内', kind: 'label', priority: 2, field: 'sheet', width: 150 },
  { headerName: '行', kind: 'code', priority: 1, field: 'row', width: 80, type: 'numericColumn' },
  { headerName: '列', kind: 'label', priority: 2, valueGetter: (p) => (p.data ? [p.data.column, p.data.header].filter(Boolean).join(' ') : ''), width: 170 },
  { headerName: '值', kind: 'label', priority: 2, field: 'value', width: 120 },
  { headerName: '问题', kind: 'reading', field: 'message', wrapText: true, autoHeight: true },
  { headerName: '处理建议', kind: 'reading', field: 'hint', wrapText: true, autoHeight: true },
];

const GROUPS_TEXT: Record<PeriodDiff['groups'], string> = { changed: '有变化', same: '相同', unchecked: '未比对', absent: '不涉及' };

export const diffColumns: Column<PeriodDiff>[] = [
  { headerName: '期间', kind: 'label', priority: 1, field: 'period', valueFormatter: (p) => formatPeriodZh(p.value as string) },
  { headerName: '新增', kind: 'number', priority: 2, field: 'added', type: 'numericColumn', width: 100 },
  {
    headerName: '变化',
    kind: 'number',
    priority: 1,
    field: 'changed',
    type: 'numericColumn',
    width: 100,
    cellClass: (p) => ((p.value as number) > 0 ? 'cell-warn' : ''),
  },
  {
    headerName: '删除',
    kind: 'number',
    priority: 1,
    field: 'removed',
    type: 'numericColumn',
    width: 100,
    cellClass: (p) => ((p.value as number) > 0 ? 'cell-warn' : ''),
  },
  { headerName: '不变', kind: 'number', priority: 2, field: 'unchanged', type: 'numericColumn', width: 100 },
  {
    headerName: '病组数据',
    kind: 'status',
    priority: 2,
    valueGetter: (p) => (p.data ? GROUPS_TEXT[p.data.groups] : ''),
    headerTooltip: '数值已有变化的期间不再逐行比对病组数据（该期间整体替代）；数据包中没有病组数据的期间，原有病组数据保持不变',
    width: 110,
  },
];

export const changeColumns: Column<ValueChange>[] = [
  { headerName: '来源', kind: 'status', priority: 2, valueGetter: (p) => (p.data?.derived ? '公式推算' : '数据包填报'), width: 110 },
  { headerName: '期间', kind: 'label', priority: 2, field: 'period', valueFormatter: (p) => formatPeriodZh(p.value as string) },
  { headerName: '指标', kind: 'name', field: 'indicatorName' },
  { headerName: '机构', kind: 'name', valueGetter: (p) => p.data?.institutionName ?? (p.data?.institution ? p.data.institution : '统筹地区') },
  {
    headerName: '原值',
    kind: 'number',
    priority: 1,
    field: 'before',
    type: 'numericColumn',
    width: 150,
    valueFormatter: (p) => formatValue(p.value as number | null, p.data?.unit ?? ''),
  },
  {
    headerName: '新值',
    kind: 'number',
    priority: 1,
    field: 'after',
    type: 'numericColumn',
    width: 150,
    valueFormatter: (p) => formatValue(p.value as number | null, p.data?.unit ?? ''),
  },
];

export const historyColumns: Column<ImportRecord>[] = [
  {
    headerName: '导入时间',
    kind: 'datetime',
    priority: 1,
    field: 'importedAt',
    valueFormatter: (p) => formatDateTimeZh(p.value as string),
    width: 190,
    sort: 'desc',
  },
  { headerName: '文件', kind: 'reading', field: 'fileName' },
  {
    headerName: '期间',
    kind: 'label',
    priority: 2,
    valueGetter: (p) => (p.data?.periods.length ? `${periodSpanZh(p.data.periods)}，共 ${p.data.periods.length} 个` : ''),
    width: 200,
  },
  { headerName: '替代期间', kind: 'number', priority: 2, valueGetter: (p) => p.data?.supersededPeriods.length ?? 0, width: 100, type: 'numericColumn' },
  { headerName: '警告', kind: 'number', priority: 2, field: 'warningCount', width: 80, type: 'numericColumn' },
  { headerName: '操作人', kind: 'label', priority: 3, field: 'importedBy', width: 140 },
  {
    headerName: '文件校验码',
    kind: 'code',
    priority: 3,
    headerTooltip: '文件内容的SHA-256摘要，用于核对文件未被改动',
    field: 'sha256',
    width: 160,
    valueFormatter: (p) => `${String(p.value).slice(0, 12)}…`,
  },
];
