// A report chart in the preview: the same echarts option the PDF's vector chart is drawn from.

import { useMemo } from 'react';
import { chartOption } from '../../../../shared/reports/chart-option';
import type { ChartSpec } from '../../../../shared/reports/model';
import { Chart, type ChartOption } from '../../components/Chart';

export function ReportChart({ spec }: { spec: ChartSpec }) {
  const option = useMemo(() => chartOption(spec, '"Noto Sans SC", sans-serif') as ChartOption, [spec]);
  const height = spec.horizontal ? Math.min(520, 60 + spec.categories.length * 14) : 240;
  return <Chart option={option} height={height} />;
}
