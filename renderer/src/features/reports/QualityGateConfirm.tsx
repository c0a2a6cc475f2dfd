// The data-quality gate before a publication (exporting a 月告知 batch, 季公告 or 年通报, publishing
// a 绩效评价): the values the data-quality check flagged in the period's months, listed first; the
// convenor confirms them and goes on, or goes back to have them verified. Nothing flagged: goes on.

import type { Column } from '../../components/grid-columns';
import { useEffect, useRef } from 'react';
import type { QualityIssue } from '../../../../shared/domain/analysis';
import { formatPeriodZh } from '../../../../shared/period';
import { Grid } from '../../components/Grid';
import { useApi } from '../../data/use-api';
import { QUALITY_TEXT } from '../analysis/QualityList';

const columns: Column<QualityIssue>[] = [
  { headerName: '问题类型', kind: 'status', priority: 2, field: 'kind', width: 120, valueFormatter: (p) => QUALITY_TEXT[p.value as QualityIssue['kind']] },
  { headerName: '月份', kind: 'label', priority: 2, field: 'period', valueFormatter: (p) => formatPeriodZh(p.value as string) },
  { headerName: '机构', kind: 'name', field: 'name' },
  { headerName: '指标', kind: 'label', priority: 2, field: 'indicatorName', valueFormatter: (p) => (p.value as string | null) ?? '全部指标' },
  { headerName: '说明', kind: 'reading', field: 'message' },
];

export function QualityGateConfirm({ period, what, onConfirm, onBack }: { period: string; what: string; onConfirm: () => void; onBack: () => void }) {
  const gate = useApi('reports.qualityGate', { period });
  const clean = gate.data?.total === 0;
  // goes on once, by itself, when nothing is flagged
  const went = useRef(false);
  useEffect(() => {
    if (clean && !went.current) {
      went.current = true;
      onConfirm();
    }
  }, [clean, onConfirm]);
  if (!gate.data || clean) return null;
  const g = gate.data;
  return (
    <div className="card quality-gate" role="dialog" aria-label="发布前数据质量核对" data-testid="quality-gate">
      <h3>{what}前请核对数据质量</h3>
      <p className="report-alert" data-testid="quality-gate-summary">
        {g.summary}
      </p>
      <p className="muted">
        这些数值可能有误，发布后将被医疗机构看到。请与机构核实或更正后重新导入；确认无误的，可以继续。
        {g.issues.length < g.total ? `下表列出前 ${g.issues.length} 个，全部问题见“数据总览”变化预警中的数据质量问题。` : ''}
      </p>
      <Grid rows={g.issues} columns={columns} height={Math.min(320, 48 + g.issues.length * 32)} testId="grid-quality-gate" />
      <div className="toolbar">
        <span className="muted">{`核对期间：${g.months.map(formatPeriodZh).join('、') || formatPeriodZh(period)}`}</span>
        <span className="spacer" />
        <button type="button" onClick={onBack} data-testid="quality-gate-back">
          返回核实
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => {
            went.current = true;
            onConfirm();
          }}
          data-testid="quality-gate-confirm"
        >
          已核对，继续{what}
        </button>
      </div>
    </div>
  );
}
