// The next step of one 整改事项: 反馈, 整改, 整改完成, 复查 (通过 → 关闭, 未通过 → back to 整改中), each
// with its date (today, Beijing time, unless changed) and its text; only the steps the loop allows
// are offered, and the service refuses any other.

import { useState } from 'react';
import { today } from '../../../../shared/dates';
import { NEXT_STATE, type RectificationState, type RectificationView } from '../../../../shared/domain/rectification';
import { api } from '../../api';
import { DateInput } from '../../components/DateInput';
import type { Action } from '../../data/use-action';

/** what a step is called on its button, from the state it leaves */
function stepName(from: RectificationState, to: RectificationState): string {
  if (from === '待复查') return to === '已关闭' ? '复查通过并关闭' : '复查未通过，继续整改';
  return { 已反馈: '记录反馈', 整改中: '记录整改措施', 待复查: '整改完成，申请复查' }[to as '已反馈' | '整改中' | '待复查'] ?? to;
}

const PLACEHOLDER: Record<RectificationState, string> = {
  待反馈: '医疗机构反馈的情况说明',
  已反馈: '整改措施（如组织编码培训、重新上传结算清单）',
  整改中: '整改完成情况（可不填）',
  待复查: '复查结果（核查了什么，结论）',
  已关闭: '',
};

export function StepForm({ item, action }: { item: RectificationView; action: Action }) {
  const [date, setDate] = useState(today());
  const [text, setText] = useState('');
  const next = NEXT_STATE[item.state];
  if (!next.length) return <div className="muted">该事项已于 {item.closedDate} 关闭。</div>;
  const go = async (to: RectificationState) => {
    const r = await action.run(() => api.rectification.step({ id: item.id, to, date, text }), {
      ok: (v) => `第 ${v.id} 号整改事项：${item.state} → ${v.state}`,
      invalidate: ['rectification', 'audit'],
    });
    if (r) setText('');
  };
  return (
    <div className="form-row" data-testid="rectification-step">
      <DateInput value={date} onChange={setDate} label="日期" testId="rectification-date" />
      <input
        placeholder={PLACEHOLDER[item.state]}
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ minWidth: 360 }}
        data-testid="rectification-text"
      />
      {next.map((to) => (
        <button key={to} type="button" disabled={action.busy} onClick={() => void go(to)} data-testid={`rectification-to-${to}`}>
          {stepName(item.state, to)}
        </button>
      ))}
    </div>
  );
}
