// 「转为整改事项」: every red flag (变化预警) or red grade (绩效评价) of the period made a 整改事项 in one
// step; pressed again it makes none twice, and says how many it found, made and skipped.

import { formatPeriodZh } from '../../../../shared/period';
import { api } from '../../api';
import type { Action } from '../../data/use-action';

export function ToItemsButton({ from, period, action }: { from: 'flags' | 'grades'; period: string; action: Action }) {
  const what = from === 'flags' ? '红色预警' : '红色等级';
  return (
    <button
      type="button"
      disabled={!period || action.busy}
      title={`把${period ? formatPeriodZh(period) : '本期'}的全部${what}登记为整改事项，反馈期限为登记之日起 30 日`}
      onClick={() =>
        void action.run(() => (from === 'flags' ? api.rectification.fromFlags({ period }) : api.rectification.fromGrades({ period })), {
          ok: (r) =>
            r.found
              ? `${formatPeriodZh(period)}共有${what} ${r.found} 项：新登记整改事项 ${r.created} 项${r.skipped ? `，${r.skipped} 项此前已登记，未重复` : ''}。请在“会议与意见 → 整改事项”中跟进。`
              : `${formatPeriodZh(period)}没有${what}，无需登记整改事项。`,
          invalidate: ['rectification', 'audit'],
        })
      }
      data-testid={`to-items-${from}`}
    >
      转为整改事项
    </button>
  );
}
