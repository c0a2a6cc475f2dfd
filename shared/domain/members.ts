// Member pool, draws and the group's members, as the UI and the CLI see them.

export type PoolKind = 'hospital' | 'pharmacy' | 'bureau';
export const HOSPITAL_ROLES = ['院领导', '财务', '医保办', '其他业务处室负责人'] as const;
export const BUREAU_ROLES = ['医药管理', '规划财务', '医保经办', '数据管理'] as const;
/** the progress stage of freezing a draw: the announcement's simulated draws (draw.freeze) */
export const FREEZE_STAGE = '估算入选概率';

export interface PoolMember {
  id: number;
  kind: PoolKind;
  institution: string | null;
  institutionName: string;
  /** 三级 / 二级 / 一级及基层 / 未定级 for hospitals, '' otherwise */
  band: string;
  institutionType: string;
  name: string;
  role: string;
  title: string;
  eligible: boolean;
  ineligibleReason: string;
  /** a sitting member cannot be drawn again */
  sitting: boolean;
}

export interface PoolMemberInput {
  kind: PoolKind;
  institution: string | null;
  institutionName?: string;
  name: string;
  role: string;
  title?: string;
}

export interface DrawRulesView {
  seats: number;
  minimums: { 三级: number; 二级: number; 一级及基层: number };
  coverTypes: boolean;
  pharmacySeats: number;
  /** the controlled institution types (the fixed list plus the region's additions) */
  types: string[];
}

export interface SeedRuleView {
  source: string;
  count: number;
  digits: number;
  order: string;
}

export interface FrozenDraw {
  id: number;
  regionName: string;
  kind: 'initial' | 'replacement';
  frozenAt: string;
  poolHash: string;
  rulesHash: string;
  previousHash: string;
  institutions: number;
  people: number;
  rules: DrawRulesView;
  /** exact reasons the rules cannot be met; empty when the draw can run */
  infeasible: string[];
  replaces: { memberId: number; name: string; institutionName: string } | null;
  /** v2: the announcement's hash (what the key binds), its seed rule, the freeze count, the odds */
  frozenHash: string | null;
  seedRule: SeedRuleView | null;
  attempt: number;
  probabilities: { institution: string; name: string; band: string; type: string; perTenThousand: number }[];
  /** institutions whose type label is not on the controlled list, and the type the draw uses */
  typeNotes: string[];
}

export interface DrawStepView {
  round: 'types' | 'fill' | 'pharmacy';
  institution: string;
  institutionName: string;
  band: string;
  type: string;
  score: string;
  decision: 'accepted' | 'skipped';
  reason: string;
  person: string | null;
  personName: string | null;
}

export interface DrawResultView {
  institution: string;
  institutionName: string;
  band: string;
  type: string;
  kind: 'hospital' | 'pharmacy';
  person: string;
  name: string;
  role: string;
}

export interface DrawRecordView {
  id: number;
  regionName: string;
  kind: 'initial' | 'replacement';
  status: 'frozen' | 'drawn' | 'cancelled';
  frozenAt: string;
  drawnAt: string | null;
  poolHash: string;
  rulesHash: string;
  previousHash: string;
  recordHash: string | null;
  seedInput: string | null;
  seedCanonical: string | null;
  /** 1 or 2 (v2: announcement before the seed) */
  version: number;
  frozenHash: string | null;
  seedRule: SeedRuleView | null;
  /** v2: how many freezes led to this draw, this one included */
  attempt: number;
  cancelReason: string | null;
  witnesses: string[];
  steps: DrawStepView[];
  result: DrawResultView[];
}

export interface MemberView {
  id: number;
  poolMemberId: number;
  kind: PoolKind;
  name: string;
  role: string;
  institution: string | null;
  institutionName: string;
  band: string;
  drawId: number | null;
  startDate: string;
  endDate: string;
  status: 'active' | 'left' | 'ended';
  leftAt: string | null;
  leftReason: string | null;
  /** days until the term ends (negative when past) */
  daysLeft: number;
  /** within 30 days of the end of the term */
  endingSoon: boolean;
}
