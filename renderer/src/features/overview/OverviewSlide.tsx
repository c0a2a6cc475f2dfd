// The overview's cards as a slide: the fund's figures (one section, or all of them) in the slide's
// type size, with 环比/同比 and the budget alert, for the opening of a data communication meeting.
// Sections that do not fit one screen go on the next screens of the slide (↓), whole, never cut.

import type { ViewSpec } from '../../../../shared/ipc/contract';
import type { OverviewSection } from '../../../../shared/domain/types';
import { formatPeriodZh } from '../../../../shared/period';
import { useApi } from '../../data/use-api';
import { useSlideType } from '../../hooks/use-slide-type';
import { useSlidePage } from '../../components/slide-pages';
import { KpiSection } from './KpiSection';

/**
 * The sections in screens of a window width × height at type size t: a card is about 5.4 t + 81 px
 * high (name, value, changes, the line of its months) and 15 t wide; a section's heading 1.8 t + 12.
 */
export function overviewScreens(sections: OverviewSection[], width: number, height: number, t: number): OverviewSection[][] {
  const room = height - 40 - 4.6 * t;
  const columns = Math.max(1, Math.floor((width - 56 + 14) / (15 * t + 14)));
  const screens: OverviewSection[][] = [];
  let used = Infinity;
  for (const sec of sections) {
    const alert = sec.kpis.some((k) => k.alert) ? 1.5 * t : 0;
    const h = 1.8 * t + 12 + Math.ceil(sec.kpis.length / columns) * (5.4 * t + 81 + alert + 14) + 6;
    if (used + h > room) {
      screens.push([sec]);
      used = h;
    } else {
      screens[screens.length - 1]!.push(sec);
      used += h;
    }
  }
  return screens;
}

export function OverviewSlide({ spec }: { spec: ViewSpec }) {
  const ov = useApi('data.overview', { period: spec.period });
  const { t, width, height } = useSlideType();
  const sections = (ov.data?.sections ?? []).filter((s) => !spec.section || s.title === spec.section);
  const screens = overviewScreens(sections, width, height, t);
  const { page } = useSlidePage(screens.length, 1);
  if (ov.error) return <div className="banner error">{ov.error.message}</div>;
  if (!ov.data) return null;
  if (!sections.length)
    return (
      <p className="muted">
        {formatPeriodZh(spec.period)}没有“{spec.section}”的数据。
      </p>
    );
  return (
    <div className="overview-slide" data-testid="overview-slide">
      {(screens[page] ?? []).map((sec) => (
        <KpiSection key={sec.title} sec={sec} period={ov.data!.period ?? ''} />
      ))}
    </div>
  );
}
