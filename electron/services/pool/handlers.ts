// Handlers of the pool.* channels.

import type { Handlers } from '../host/handler-types';
import { AppError } from '../../../shared/errors';
import { importPool } from './pool-import';
import { writePoolTemplate } from './pool-template';
import { addPoolMember, listPool, removePoolMember, setEligibility, updatePoolMember } from './pool-service';

export const poolHandlers: Handlers<'pool.list' | 'pool.add' | 'pool.update' | 'pool.setEligibility' | 'pool.remove' | 'pool.import' | 'pool.template'> = {
  'pool.list': (_input, { session }) => listPool(session.db),
  'pool.add': (input, { session, actor }) => addPoolMember(session.db, input.member, actor),
  'pool.update': (input, { session, actor }) => updatePoolMember(session.db, input.id, input.member, actor),
  'pool.setEligibility': (input, { session, actor }) => setEligibility(session.db, input.id, input.eligible, input.reason, actor),
  'pool.remove': (input, { session, actor }) => (removePoolMember(session.db, input.id, actor), { removed: true }),
  'pool.import': (input, { session, actor }) => importPool(session.db, input.path, actor),
  'pool.template': async (input, { session, actor }) => {
    const t = await writePoolTemplate(session.db, input.path, { sample: input.sample }, actor);
    if (!input.sample) return t;
    // the sample goes through the same file import as the institutions' sheets
    const r = await importPool(session.db, input.path, actor);
    if (r.errors.length) throw new AppError('INTERNAL', `示范推荐表未能导入：${r.errors[0]!.message}`, '请联系技术支持。');
    return { ...t, added: r.added };
  },
};
