// 发布排名 on the 报告 page (the evaluation's registry entry asks for it): stores the period's ranking
// with the scheme it was computed with, so it reproduces after the scheme is edited.

import { formatPeriodZh } from '../../../../shared/period';
import { api } from '../../api';
import type { Action } from '../../data/use-action';

export function PublishRankingButton({ period, action }: { period: string; action: Action }) {
  return (
    <button
      type="button"
      disabled={!period || action.busy}
      onClick={() =>
        action.run(() => api.evaluation.publish({ period }), {
          ok: (r) => `已发布 ${formatPeriodZh(r.period)} 绩效评价排名（编号 ${r.id}），方案与结果一并保存。`,
          invalidate: ['evaluation', 'reports', 'audit'],
        })
      }
      data-testid="evaluation-publish"
    >
      发布排名
    </button>
  );
}
