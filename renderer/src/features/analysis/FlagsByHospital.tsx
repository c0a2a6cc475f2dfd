// The change flags grouped by hospital: on a large region hundreds of flags read better as one
// line a hospital — how many red and yellow, which indicators, how many still without a cause.
// Clicking a hospital shows its flags in the list.

import type { Column } from '../../components/grid-columns';
import { useMemo } from 'react';
import type { Flag } from '../../../../shared/domain/analysis';
import { Grid } from '../../components/Grid';
import { LEVEL_COLORS } from './chart-common';

interface HospitalFlags {
  institution: string;
  name: string;
  band: string;
  red: number;
  yellow: number;
  open: number;
  indicators: string;
}

const columns: Column<HospitalFlags>[] = [
  { headerName: '机构', kind: 'name', priority: 1, field: 'name', pinned: 'left' },
  { headerName: '级别', kind: 'status', priority: 3, field: 'band' },
  {
    headerName: '红色',
    kind: 'number',
    priority: 1,
    field: 'red',
    width: 90,
    type: 'numericColumn',
    cellStyle: (p) => (p.value ? { color: LEVEL_COLORS.red, fontWeight: 700 } : null),
  },
  {
    headerName: '黄色',
    kind: 'number',
    priority: 1,
    field: 'yellow',
    width: 90,
    type: 'numericColumn',
    cellStyle: (p) => (p.value ? { color: LEVEL_COLORS.yellow, fontWeight: 700 } : null),
  },
  { headerName: '待说明', kind: 'number', priority: 2, field: 'open', width: 100, type: 'numericColumn' },
  { headerName: '预警指标', kind: 'reading', field: 'indicators' },
];

export function FlagsByHospital({ flags, height, onPick }: { flags: Flag[]; height: number; onPick: (institution: string) => void }) {
  const rows = useMemo(() => {
    const by = new Map<string, HospitalFlags>();
    for (const f of flags) {
      const h = by.get(f.institution) ?? { institution: f.institution, name: f.name, band: f.band, red: 0, yellow: 0, open: 0, indicators: '' };
      if (f.level === 'red') h.red++;
      else h.yellow++;
      if (!f.cause) h.open++;
      h.indicators = h.indicators ? `${h.indicators}、${f.indicatorName}` : f.indicatorName;
      by.set(f.institution, h);
    }
    return [...by.values()].sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.name.localeCompare(b.name, 'zh-CN'));
  }, [flags]);
  return <Grid rows={rows} columns={columns} height={height} testId="grid-flags-hospitals" onRowClicked={(r) => onPick(r.institution)} />;
}
