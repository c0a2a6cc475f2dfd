// Handlers of the evaluation.* channels.

import type { Handlers } from '../host/handler-types';
import { getRanking, getScheme, listRankings, publishRanking, reproduceRanking, scorePeriod, setScheme } from './evaluation-service';

export const evaluationHandlers: Handlers<
  'evaluation.scheme' | 'evaluation.setScheme' | 'evaluation.score' | 'evaluation.publish' | 'evaluation.rankings' | 'evaluation.reproduce'
> = {
  'evaluation.scheme': (_i, { session }) => getScheme(session.db),
  'evaluation.setScheme': (i, { session, actor }) => setScheme(session.db, i.scheme, actor),
  'evaluation.score': (i, { session }) => scorePeriod(session.db, i.period),
  'evaluation.publish': (i, { session, actor }) => publishRanking(session.db, i.period, actor),
  'evaluation.rankings': (_i, { session }) => listRankings(session.db),
  'evaluation.reproduce': (i, { session }) => {
    const ranking = getRanking(session.db, i.id);
    const now = reproduceRanking(session.db, i.id);
    return { ranking, now, same: JSON.stringify(now) === JSON.stringify(ranking.results) };
  },
};
