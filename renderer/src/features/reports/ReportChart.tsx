// A report chart in the preview: the same echarts option the PDF's vector chart is drawn from.

import { useMemo } from 'react';
import { chartHeight, chartOption } from '../../../../shared/reports/chart-option';
import type { ChartSpec } from '../../../../shared/reports/model';
import { Chart, type ChartOption } from '../../components/Chart';

export function ReportChart({ spec }: { spec: ChartSpec }) {
  const option = useMemo(() => chartOption(spec, '"Noto Sans SC", sans-serif') as ChartOption, [spec]);
  return <Chart option={option} height={chartHeight(spec)} />;
}
