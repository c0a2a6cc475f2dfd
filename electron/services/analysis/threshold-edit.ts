// Editing a change-flag threshold: saved, audited, and that indicator's flags re-summarized in
// every period in the same transaction (apart from flags.ts, which the summaries compute with).

import type { Thresholds } from '../../../shared/domain/analysis';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { inTransaction, type WritableDb } from '../db/connection';
import { indicator } from './lookup';
import { refreshSummaries } from './summaries';

export function setThresholds(db: WritableDb, t: Thresholds, actor: string): Thresholds {
  if (!(t.peerYellow > 0 && t.peerRed >= t.peerYellow && t.changeYellow > 0 && t.changeRed >= t.changeYellow))
    throw new AppError('INVALID_INPUT', '阈值应为正数，且红色阈值不小于黄色阈值。', '例如：同级偏离 2.5/3.5，变化幅度 20%/30%。');
  indicator(db, t.indicator);
  return inTransaction(db, () => {
    db.conn
      .prepare(
        `INSERT INTO flag_thresholds (indicator, peer_yellow, peer_red, change_yellow, change_red, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(indicator) DO UPDATE SET peer_yellow = excluded.peer_yellow, peer_red = excluded.peer_red, change_yellow = excluded.change_yellow, change_red = excluded.change_red, updated_at = excluded.updated_at`,
      )
      .run(t.indicator, t.peerYellow, t.peerRed, t.changeYellow, t.changeRed, new Date().toISOString());
    // that indicator's flags in every summarized period, in the same transaction
    refreshSummaries(db, { periods: 'all', indicator: t.indicator });
    recordAudit(db, { actor, action: 'flags.thresholds', target: t.indicator, details: { ...t } });
    return t;
  });
}
