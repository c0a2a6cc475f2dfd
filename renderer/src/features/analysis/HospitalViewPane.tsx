import type { Column } from '../../components/grid-columns';
import type { FlagLevel } from '../../../../shared/domain/analysis';
import type { ViewSpec } from '../../../../shared/ipc/contract';
import { formatPeriodZh } from '../../../../shared/period';
import { Grid } from '../../components/Grid';
import { LEVEL_COLORS, LEVEL_TEXT, type Msg, fmt } from './chart-common';
import { SlideTable, type SlideColumn } from '../../components/SlideTable';
import { useExport } from './use-export';
import { ExportButtons } from './ExportButtons';
import { useApi } from '../../data/use-api';
import { ChooseInstitution } from './ChooseInstitution';
import { MakePackButton } from './MakePackButton';

export function HospitalViewPane({ spec, onMessage, big }: { spec: ViewSpec; onMessage?: (m: Msg) => void; big: boolean }) {
  const v = useApi('analysis.hospital', { institution: spec.institution ?? '', period: spec.period }, { enabled: !!spec.institution, keepPrevious: true });
  const ex = useExport(onMessage);
  type Row = NonNullable<typeof v.data>['rows'][number];
  const cols: Column<Row>[] = [
    {
      headerName: '预警',
      kind: 'status',
      priority: 1,
      field: 'level',
      width: 80,
      valueFormatter: (p) => LEVEL_TEXT[p.value as FlagLevel],
      cellStyle: (p) => ({ color: '#fff', background: LEVEL_COLORS[p.value as FlagLevel], textAlign: 'center' }),
    },
    { headerName: '指标', kind: 'name', field: 'indicatorName' },
    { headerName: '本机构', kind: 'number', priority: 1, field: 'value', valueFormatter: (p) => fmt(p.data?.unit ?? '')(p.value) },
    { headerName: '同级中位数', kind: 'number', priority: 2, field: 'peerMedian', valueFormatter: (p) => fmt(p.data?.unit ?? '')(p.value) },
    {
      headerName: '同级居中一半范围',
      kind: 'label',
      priority: 3,
      headerTooltip: '同级机构按数值排序后居中一半（上下四分位数之间）的范围',
      valueGetter: (p) => (p.data && p.data.peerP25 !== null ? `${fmt(p.data.unit)(p.data.peerP25)} – ${fmt(p.data.unit)(p.data.peerP75)}` : '—'),
      width: 240,
    },
    { headerName: '统筹地区', kind: 'number', priority: 3, field: 'region', valueFormatter: (p) => fmt(p.data?.unit ?? '')(p.value) },
    { headerName: '提示', kind: 'reading', valueGetter: (p) => p.data?.reasons.join('；') ?? '' },
  ];
  const slideColumns: SlideColumn<Row>[] = [
    { title: '预警', width: '7%', align: 'center', value: (r) => LEVEL_TEXT[r.level], style: (r) => ({ color: '#fff', background: LEVEL_COLORS[r.level] }) },
    { title: '指标', width: '27%', value: (r) => r.indicatorName },
    { title: '本机构', width: '15%', align: 'right', value: (r) => fmt(r.unit)(r.value) },
    { title: '同级中位数', width: '15%', align: 'right', value: (r) => fmt(r.unit)(r.peerMedian) },
    { title: '统筹地区', width: '15%', align: 'right', value: (r) => fmt(r.unit)(r.region) },
    { title: '提示', width: '21%', value: (r) => r.reasons.join('；') },
  ];
  // on a slide the room reads the first screen: red, then yellow, then the rest, each in the catalog's order
  const severity = { red: 0, yellow: 1, green: 2 } as const;
  const slideRows = big ? [...(v.data?.rows ?? [])].sort((a, b) => severity[a.level] - severity[b.level]) : [];
  if (!spec.institution) return <ChooseInstitution />;
  return (
    <div className="card">
      {v.data && (
        <h3 data-testid="hospital-title">
          {v.data.name}（{v.data.level} · {v.data.type}）· {formatPeriodZh(v.data.period)}
        </h3>
      )}
      {big ? (
        <SlideTable rows={slideRows} columns={slideColumns} testId="grid-hospital" />
      ) : (
        <Grid rows={v.data?.rows ?? []} columns={cols} height={560} testId="grid-hospital" />
      )}
      {!big && v.data && (
        <ExportButtons
          onXlsx={() =>
            ex.xlsx(
              `${v.data!.name}亮家底-${formatPeriodZh(v.data!.period)}`,
              [
                '预警',
                '指标',
                '单位',
                ...['本机构', '同级中位数', '同级下四分位数', '同级上四分位数', '统筹地区'].map((title) => ({ title, unitColumn: 2 })),
                '提示',
              ],
              v.data!.rows.map((r) => [
                LEVEL_TEXT[r.level],
                r.indicatorName,
                r.unit,
                r.value,
                r.peerMedian,
                r.peerP25,
                r.peerP75,
                r.region,
                r.reasons.join('；'),
              ]),
            )
          }
        />
      )}
      {!big && v.data && <MakePackButton institution={v.data.institution} name={v.data.name} />}
    </div>
  );
}
