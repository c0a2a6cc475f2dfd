// Regional settings: responsible departments, annual settlement dates, the days a meeting's list is
// due in, the issuing body (发文机关) a document's 落款 names, and whether the region publishes its
// rankings by name (what a 机构数据包 may show of a hospital's peers).

import { DEPARTMENTS } from '../../../shared/domain/meetings';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { getValue, inTransaction, type ReadableDb, type WritableDb } from '../db/connection';

export interface RegionSettings {
  /** the region's responsible departments for comments, in order */
  departments: string[];
  /** year → date annual settlement finished (YYYY-MM-DD) */
  settlement: Record<string, string>;
  /** days after any meeting within which its 问题建议清单 is due (seed 004: a week) */
  listDays: number;
  /** 发文机关: the issuing body a document's 落款 names; empty means 「<地区>医疗保障局」 */
  issuer: string;
  /** the region publishes rankings with the hospitals' names: a 机构数据包 then lists its level's names in rank order */
  rankingsByName: boolean;
}

export const DEFAULT_LIST_DAYS = 7;

export function getSettings(db: ReadableDb): RegionSettings {
  const get = (k: string) => getValue<string>(db, 'SELECT value FROM settings WHERE key = ?', k);
  const departments = get('departments');
  const settlement = get('settlement');
  return {
    departments: departments ? (JSON.parse(departments) as string[]) : [...DEPARTMENTS],
    settlement: settlement ? (JSON.parse(settlement) as Record<string, string>) : {},
    listDays: Number(get('listDays') ?? DEFAULT_LIST_DAYS),
    issuer: get('issuer') ?? '',
    rankingsByName: get('rankingsByName') === '1',
  };
}

export function setSettings(
  db: WritableDb,
  input: Omit<RegionSettings, 'listDays' | 'issuer' | 'rankingsByName'> & { listDays?: number; issuer?: string; rankingsByName?: boolean },
  actor: string,
): RegionSettings {
  const before = getSettings(db);
  const s: RegionSettings = {
    ...input,
    listDays: input.listDays ?? before.listDays,
    issuer: (input.issuer ?? before.issuer).trim(),
    rankingsByName: input.rankingsByName ?? before.rankingsByName,
  };
  if (!Number.isInteger(s.listDays) || s.listDays < 1 || s.listDays > 60)
    throw new AppError('INVALID_INPUT', '问题建议清单期限应为 1—60 天。', '《工作规则》要求会后一周内形成问题建议清单，默认 7 天。');
  const departments = [...new Set(s.departments.map((d) => d.trim()).filter(Boolean))];
  if (!departments.length) throw new AppError('INVALID_INPUT', '至少保留一个责任处室。', '例如：医保中心、医药服务处、基金监管处。');
  for (const [y, d] of Object.entries(s.settlement))
    if (!/^\d{4}$/.test(y) || !/^\d{4}-\d{2}-\d{2}$/.test(d) || d.slice(0, 4) <= y)
      throw new AppError('INVALID_INPUT', `${y}年度清算完成日期“${d}”不正确。`, '清算在次年完成，日期格式如 2026-04-15。');
  return inTransaction(db, () => {
    const put = db.conn.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
    const t = new Date().toISOString();
    put.run('departments', JSON.stringify(departments), t);
    put.run('settlement', JSON.stringify(s.settlement), t);
    put.run('listDays', String(s.listDays), t);
    put.run('issuer', s.issuer, t);
    put.run('rankingsByName', s.rankingsByName ? '1' : '0', t);
    recordAudit(db, {
      actor,
      action: 'settings.region',
      target: 'settings',
      details: { departments, settlement: s.settlement, listDays: s.listDays, issuer: s.issuer, rankingsByName: s.rankingsByName },
    });
    return { departments, settlement: s.settlement, listDays: s.listDays, issuer: s.issuer, rankingsByName: s.rankingsByName };
  });
}

/** The issuing body a document's 落款 names: the region's setting, else 「<地区名>医疗保障局」. */
export function issuerOf(db: ReadableDb): string {
  const set = getSettings(db).issuer;
  if (set) return set;
  const region = getValue<string>(db, 'SELECT region_name FROM workspace WHERE id = 1') ?? '';
  // 「示范市（虚拟数据）」 → 示范市医疗保障局
  return `${region.replace(/（[^）]*）$/, '').replace(/(统筹地区|统筹区)$/, '')}医疗保障局`;
}
