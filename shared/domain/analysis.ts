// Comparison charts, change flags and the hospital view, as the UI and the reports see them.
import type { BoxStats } from '../stats';

export type FlagLevel = 'red' | 'yellow' | 'green';

export interface RankingRow {
  institution: string;
  name: string;
  level: string;
  band: string;
  value: number | null;
}

export interface Ranking {
  indicator: string;
  indicatorName: string;
  unit: string;
  period: string;
  band: string | null;
  rows: RankingRow[];
  regionValue: number | null;
  mean: number | null;
  median: number | null;
  p25: number | null;
  p75: number | null;
}

export interface TrendPoint {
  period: string;
  value: number | null;
  bandMedian: number | null;
  region: number | null;
}

export interface Trend {
  indicator: string;
  indicatorName: string;
  unit: string;
  institution: string;
  name: string;
  band: string;
  points: TrendPoint[];
}

export interface QuadrantPoint {
  institution: string;
  name: string;
  band: string;
  costIndex: number;
  timeIndex: number;
  discharges: number;
}

export interface Distribution {
  indicator: string;
  indicatorName: string;
  unit: string;
  period: string;
  bands: { band: string; stats: BoxStats | null }[];
}

export interface GroupRank {
  code: string;
  name: string;
  cases: number;
  totalCost: number;
  weight: number | null;
  /** per tertiary hospital: cases and average cost in this group */
  hospitals: { institution: string; name: string; cases: number; avgCost: number }[];
}

export interface HospitalGroupMix {
  institution: string;
  name: string;
  cases: number;
  totalCost: number;
  selfPay: number;
  cmi: number | null;
  groups: number;
}

export interface DrgOverview {
  period: string;
  hospitals: HospitalGroupMix[];
  topByCost: GroupRank[];
  topByWeight: GroupRank[];
}

export interface Flag {
  institution: string;
  name: string;
  band: string;
  indicator: string;
  indicatorName: string;
  unit: string;
  period: string;
  value: number;
  peerMedian: number | null;
  z: number | null;
  previous: number | null;
  change: number | null;
  lastYear: number | null;
  yoy: number | null;
  level: FlagLevel;
  /** which reasons apply (REASON_* bits of flag-reasons.ts; flagReasons writes them in words) */
  reasonKinds: number;
  cause: string | null;
}

/** A value that is probably wrong rather than changed: checked before anyone reads it as a change. */
export type QualityKind = 'impossible' | 'inconsistent' | 'unit' | 'missing';

export interface QualityIssue {
  institution: string;
  name: string;
  band: string;
  /** null: the institution sent nothing at all this period */
  indicator: string | null;
  indicatorName: string | null;
  unit: string;
  period: string;
  value: number | null;
  previous: number | null;
  kind: QualityKind;
  message: string;
}

export interface Thresholds {
  indicator: string;
  peerYellow: number;
  peerRed: number;
  changeYellow: number;
  changeRed: number;
}

export interface HospitalRow {
  indicator: string;
  indicatorName: string;
  unit: string;
  value: number | null;
  peerMedian: number | null;
  peerP25: number | null;
  peerP75: number | null;
  region: number | null;
  level: FlagLevel;
  reasons: string[];
}

export interface HospitalView {
  institution: string;
  name: string;
  level: string;
  band: string;
  type: string;
  period: string;
  rows: HospitalRow[];
}
