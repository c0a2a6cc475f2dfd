// 机构数据包: what one hospital's pack carries, as the service gathers it (electron/services/pack/)
// and the page inside the pack shows it (renderer/src/pack-viewer/). The hospital's own figures and
// only aggregates of its peers: medians, quartiles, counts and its own rank — never another
// institution's value, and another's name only when the region publishes rankings by name.

import type { Block } from '../reports/model';

export const PACK_TYPE = '机构数据包';
export const PACK_PASSWORD_SHEET = '机构数据包密码表';
/** PBKDF2-SHA256 iterations of the pack's key (the page derives the same key from the password) */
export const PACK_KDF_ITERATIONS = 250_000;
/** a group's regional mean is shown only when at least this many other hospitals had the group */
export const PACK_MIN_OTHERS = 3;

/** One month of one indicator: the hospital's value and its level's aggregates. */
export interface PackPoint {
  period: string;
  value: number | null;
  /** the level's median and quartiles (as the hospital view gives them) */
  median: number | null;
  p25: number | null;
  p75: number | null;
  /** 第 rank / of within the level, by value from high to low (as the 月告知 ranks); null without a value */
  rank: number | null;
  of: number;
  region: number | null;
  /** the same month a year before: the hospital's value and the region's (for 同比) */
  lastYear: number | null;
  regionLastYear: number | null;
  level: 'red' | 'yellow' | 'green';
  reasons: string[];
}

export interface PackIndicator {
  code: string;
  name: string;
  unit: string;
  /** a sum (an amount, a count): the region's value is the region's total, not comparable on one chart */
  additive: boolean;
  points: PackPoint[];
  /** with rankings published by name: the level's names in rank order of the newest month */
  rankedNames?: string[];
}

export interface PackFlag {
  period: string;
  indicatorName: string;
  unit: string;
  level: 'red' | 'yellow';
  value: number;
  reasons: string;
  cause: string | null;
}

export interface PackDrgGroup {
  code: string;
  name: string;
  cases: number;
  costPerCase: number;
  bedDaysPerCase: number;
  /** 自费费用 / 总费用 (null when the package left 自费费用 empty) */
  selfPayShare: number | null;
  /** the same group over every hospital of the region that had it (means per case), or why not shown */
  region: { hospitals: number; costPerCase: number; bedDaysPerCase: number; selfPayShare: number | null } | null;
  regionNote: string | null;
}

export interface PackNotice {
  period: string;
  title: string;
  /** the notice's blocks without its ranking charts (they name other hospitals) */
  blocks: Block[];
  /** the export of this notice in the register, if it was exported */
  exported: { id: string; at: string } | null;
}

export interface PackComment {
  id: number;
  kind: string;
  category: string;
  text: string;
  period: string | null;
  status: string;
  department: string;
  dueDate: string | null;
  answer: string;
  createdAt: string;
}

export interface PackEvaluation {
  period: string;
  publishedAt: string;
  total: number;
  rank: number;
  of: number;
  level: 'red' | 'yellow' | 'green';
  items: { indicatorName: string; unit: string; value: number | null; score: number; weight: number; basis: string }[];
}

export interface PackPayload {
  version: 1;
  exportId: string;
  /** Beijing time of the export, YYYY-MM-DD HH:mm */
  madeAt: string;
  regionName: string;
  hospital: { code: string; name: string; level: string; band: string; type: string };
  from: string;
  to: string;
  months: string[];
  indicators: PackIndicator[];
  flags: PackFlag[];
  drg: { groups: PackDrgGroup[]; note: string };
  notices: PackNotice[];
  comments: PackComment[];
  evaluations: PackEvaluation[];
  rankingsByName: boolean;
}

/** The sealed payload as the page reads it (base64 fields). */
export interface SealedPack {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  salt: string;
  iv: string;
  /** AES-256-GCM of the gzip-compressed JSON payload */
  data: string;
}
