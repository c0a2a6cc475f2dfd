// Data-quality problems of the period, apart from the change flags: to be verified with the
// hospital (or corrected in the package and re-imported) before anyone reads them as changes.

import type { Column } from '../../components/grid-columns';
import { useState } from 'react';
import type { QualityIssue, QualityKind } from '../../../../shared/domain/analysis';
import { Grid } from '../../components/Grid';

export const QUALITY_TEXT: Record<QualityKind, string> = {
  impossible: '数值不可能',
  inconsistent: '前后矛盾',
  unit: '疑似单位错误',
  missing: '数据缺失',
};

const columns: Column<QualityIssue>[] = [
  {
    headerName: '问题类型',
    kind: 'status',
    priority: 1,
    field: 'kind',
    width: 130,
    pinned: 'left',
    valueFormatter: (p) => QUALITY_TEXT[p.value as QualityKind],
  },
  { headerName: '机构', kind: 'name', field: 'name' },
  { headerName: '级别', kind: 'status', priority: 3, field: 'band' },
  { headerName: '指标', kind: 'label', priority: 2, field: 'indicatorName', valueFormatter: (p) => (p.value as string | null) ?? '全部指标' },
  { headerName: '说明', kind: 'reading', field: 'message' },
];

export function QualityList({ issues, height }: { issues: QualityIssue[]; height: number }) {
  // the grid is made when the list is first opened: closed, it would cost a grid of thousands of
  // rows on every visit to the flag page of a large region, for a list most visits never open
  const [opened, setOpened] = useState(false);
  if (!issues.length) return null;
  const hospitals = new Set(issues.map((q) => q.institution)).size;
  const count = (k: QualityKind) => issues.filter((q) => q.kind === k).length;
  const parts = (Object.keys(QUALITY_TEXT) as QualityKind[]).filter((k) => count(k) > 0).map((k) => `${QUALITY_TEXT[k]} ${count(k)} 项`);
  return (
    <details className="quality" data-testid="quality" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>
        <b>数据质量问题 {issues.length} 项</b>（{parts.join('，')}；涉及 {hospitals} 家机构）——请先与机构核实或更正后重新导入，这些数值不计入变化预警。
      </summary>
      {opened && <Grid rows={issues} columns={columns} height={height} testId="grid-quality" />}
    </details>
  );
}
