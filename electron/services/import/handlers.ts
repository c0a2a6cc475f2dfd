// Handlers of the import.* channels. Prepared imports live in the session (one per workspace).

import type { Handlers } from '../host/handler-types';
import { writeTemplate } from '../package/template';
import { importHistory } from './import-service';
import { warmNewestFlags } from '../analysis/flags';

export const importHandlers: Handlers<'import.prepare' | 'import.commit' | 'import.discard' | 'import.history' | 'import.template'> = {
  'import.prepare': (input, { session, progress }) =>
    session.imports.prepare(session.db, input.path, (stage, done, total) => progress({ stage, done, total, message: stage })),
  'import.commit': (input, { session, actor, progress }) => {
    // a backup before every import (not of the demo), so a wrong package can be undone whole
    if (!session.isDemo) session.backup('import', actor);
    const record = session.imports.commit(session.db, input.token, actor, (stage, done, total) => progress({ stage, done, total, message: stage }));
    // its pages written back into the file in the background: the answer does not wait for them
    session.writeBackLater();
    // the month a convenor looks at first after an import is ready before the first click
    warmNewestFlags(session.db);
    return record;
  },
  'import.discard': (input, { session }) => ({ discarded: session.imports.discard(input.token) }),
  'import.history': (_input, { session }) => importHistory(session.db),
  'import.template': async (input, { session, actor }) => ({ path: await writeTemplate(session.isOpen ? session.db : null, input.path, actor) }),
};
