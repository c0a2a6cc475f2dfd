import type { ViewSpec } from '../../../../shared/ipc/contract';
import { type Ctx, type Msg } from './chart-common';
import { RankingView } from './RankingView';
import { TrendView } from './TrendView';
import { QuadrantView } from './QuadrantView';
import { DistributionView } from './DistributionView';
import { DrgView } from './DrgView';
import { FlagsView } from './FlagsView';
import { HospitalViewPane } from './HospitalViewPane';
import { OverviewSlide } from '../overview/OverviewSlide';

/** One chart with its data table: used by the tabs and by the presentation's slides. */
export function ChartView({ spec, ctx, onMessage, big = false }: { spec: ViewSpec; ctx: Ctx; onMessage?: (m: Msg) => void; big?: boolean }) {
  switch (spec.chart) {
    case 'ranking':
      return <RankingView spec={spec} onMessage={onMessage} big={big} />;
    case 'trend':
      return <TrendView spec={spec} onMessage={onMessage} big={big} />;
    case 'quadrant':
      return <QuadrantView spec={spec} onMessage={onMessage} big={big} />;
    case 'distribution':
      return <DistributionView spec={spec} onMessage={onMessage} big={big} />;
    case 'drg':
      return <DrgView spec={spec} onMessage={onMessage} big={big} />;
    case 'flags':
      // a month's flags, the one chosen and its cause: shown afresh for another month
      return <FlagsView key={spec.period} spec={spec} ctx={ctx} onMessage={onMessage} big={big} />;
    case 'hospital':
      return <HospitalViewPane spec={spec} onMessage={onMessage} big={big} />;
    case 'overview':
      return <OverviewSlide spec={spec} />;
  }
}
