// A draw the app refuses (the workspace not frozen for it, a seed that breaks the announced rule,
// too few witnesses, a pool that cannot satisfy the rules) leaves a trace: the attempt, its seed,
// its witnesses and the reason are an audit entry of their own, written after the refused
// transaction rolled back. A series of refused attempts before an accepted one is then visible.

import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { inTransaction, type WritableDb } from '../db/connection';
import type { DrawRecordView } from '../../../shared/domain/members';
import { executeDraw } from './execute';

export function drawOrRecordRefusal(db: WritableDb, opts: { drawId: number; seed: string; witnesses: string[]; date?: string }, actor: string): DrawRecordView {
  try {
    return executeDraw(db, opts, actor);
  } catch (e) {
    if (e instanceof AppError && e.code !== 'INTERNAL')
      inTransaction(db, () =>
        recordAudit(db, {
          actor,
          action: 'draw.refused',
          target: `draw#${opts.drawId}`,
          details: { seed: opts.seed, witnesses: opts.witnesses, date: opts.date ?? null, reason: e.message },
        }),
      );
    throw e;
  }
}
