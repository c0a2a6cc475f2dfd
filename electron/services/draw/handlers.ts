// Handlers of the draw.* channels.

import { readFileSync } from 'node:fs';
import type { Handlers } from '../host/handler-types';
import { exportDrawRecord, getRules, getTypes, listDraws, rulesView, setRules } from './draw-service';
import { executeDraw } from './execute';
import { cancelDraw, exportAnnouncement, freezeDraw } from './freeze';
import { FREEZE_STAGE } from '../../../shared/domain/members';
import { verifyRecord } from './verify';
import { CHAIN_FORMAT, exportDrawChain, verifyChain } from './chain';

export const drawHandlers: Handlers<
  | 'draw.rules'
  | 'draw.setRules'
  | 'draw.freeze'
  | 'draw.execute'
  | 'draw.cancel'
  | 'draw.list'
  | 'draw.exportRecord'
  | 'draw.exportAnnouncement'
  | 'draw.exportChain'
  | 'draw.verify'
> = {
  'draw.rules': (_input, { session }) => rulesView(getRules(session.db), getTypes(session.db)),
  'draw.setRules': (input, { session, actor }) => rulesView(setRules(session.db, input.rules, actor), getTypes(session.db)),
  // the announcement's simulated draws take seconds on a large pool: how many are done
  'draw.freeze': (input, { session, actor, progress }) =>
    freezeDraw(session.db, input, actor, (done, total) => progress({ stage: FREEZE_STAGE, done, total, message: `第 ${done}/${total} 次模拟抽选` })),
  'draw.execute': (input, { session, actor }) => executeDraw(session.db, input, actor),
  'draw.cancel': (input, { session, actor }) => (cancelDraw(session.db, input.drawId, input.reason, actor), { cancelled: true }),
  'draw.list': (_input, { session }) => listDraws(session.db),
  'draw.exportAnnouncement': (input, { session, actor }) => exportAnnouncement(session.db, input.drawId, input.path, actor),
  'draw.exportRecord': (input, { session, actor }) => exportDrawRecord(session.db, input.drawId, input.path, actor),
  'draw.exportChain': (input, { session, actor }) => exportDrawChain(session.db, input.path, actor),
  // a record, or the whole chain (draw-chain export): the file says which it is
  'draw.verify': (input) => {
    const text = readFileSync(input.path, 'utf8');
    const r = text.includes(`"${CHAIN_FORMAT}"`) ? verifyChain(text) : verifyRecord(text);
    return { ok: r.ok, problems: r.problems };
  },
};
