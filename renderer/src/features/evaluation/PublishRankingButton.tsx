// 发布排名 on the 报告 page (the evaluation's registry entry asks for it): stores the period's ranking
// with the scheme it was computed with, so it reproduces after the scheme is edited. The page's
// data-quality gate (beforePublish) comes first.

import { formatPeriodZh } from '../../../../shared/period';
import { api } from '../../api';
import type { Action } from '../../data/use-action';

export function PublishRankingButton({ period, action, beforePublish }: { period: string; action: Action; beforePublish: (go: () => void) => void }) {
  return (
    <button
      type="button"
      disabled={!period || action.busy}
      onClick={() =>
        beforePublish(
          () =>
            void action.run(() => api.evaluation.publish({ period }), {
              ok: (r) => `已发布 ${formatPeriodZh(r.period)} 绩效评价排名（编号 ${r.id}），方案与结果一并保存。`,
              invalidate: ['evaluation', 'reports', 'audit'],
            }),
        )
      }
      data-testid="evaluation-publish"
    >
      发布排名
    </button>
  );
}
