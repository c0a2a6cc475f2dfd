// The overview's cards as a slide: the fund's figures (one section, or all of them) in large type,
// with 环比/同比 and the budget alert, for the opening of a data communication meeting.

import type { ViewSpec } from '../../../../shared/ipc/contract';
import { formatPeriodZh } from '../../../../shared/period';
import { useApi } from '../../data/use-api';
import { KpiSection } from './KpiSection';

export function OverviewSlide({ spec }: { spec: ViewSpec }) {
  const ov = useApi('data.overview', { period: spec.period });
  if (ov.error) return <div className="banner error">{ov.error.message}</div>;
  if (!ov.data) return null;
  const sections = ov.data.sections.filter((s) => !spec.section || s.title === spec.section);
  if (!sections.length)
    return (
      <p className="muted">
        {formatPeriodZh(spec.period)}没有“{spec.section}”的数据。
      </p>
    );
  return (
    <div className="overview-slide" data-testid="overview-slide">
      {sections.map((sec) => (
        <KpiSection key={sec.title} sec={sec} period={ov.data!.period ?? ''} />
      ))}
    </div>
  );
}
