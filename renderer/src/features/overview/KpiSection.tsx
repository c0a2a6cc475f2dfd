// One section of the overview's cards (基金收入, 基金支出, …) with its period when it differs from
// the page's: on the overview page (with its 加入演示 button) and on an overview slide.

import type { ReactNode } from 'react';
import type { OverviewSection } from '../../../../shared/domain/types';
import { formatPeriodZh } from '../../../../shared/period';
import { Kpi } from './Kpi';

export function KpiSection({ sec, period, action }: { sec: OverviewSection; period: string; action?: ReactNode }) {
  return (
    <div className="kpi-section" data-testid={`section-${sec.title}`}>
      <h3>
        {sec.title}
        {sec.period !== period && <span className="muted">（{formatPeriodZh(sec.period)}）</span>}
        {action}
      </h3>
      <div className="kpi-grid">
        {sec.kpis.map((k) => (
          <Kpi key={k.code} k={k} withMom={!/^\d{4}(-C\d{2})?$/.test(sec.period)} />
        ))}
      </div>
    </div>
  );
}
