// A problem the convenor found (a case review, an on-site check) registered as a 整改事项 of one
// hospital; its text is printed as the reason in the 整改通知 and the 警示清单.

import { useState } from 'react';
import { api } from '../../api';
import { useApi } from '../../data/use-api';
import type { Action } from '../../data/use-action';

export function AddFinding({ action }: { action: Action }) {
  const insts = useApi('catalog.institutions', {});
  const [inst, setInst] = useState('');
  const [text, setText] = useState('');
  return (
    <div className="form-row" data-testid="rectification-finding">
      <select value={inst} onChange={(e) => setInst(e.target.value)} aria-label="机构" data-testid="finding-institution">
        <option value="">选择机构</option>
        {(insts.data ?? []).map((i) => (
          <option key={i.code} value={i.code}>
            {i.name}
          </option>
        ))}
      </select>
      <input
        placeholder="发现的问题（写明期间与数据）"
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ minWidth: 360 }}
        data-testid="finding-text"
      />
      <button
        type="button"
        disabled={!inst || !text.trim() || action.busy}
        onClick={async () => {
          const r = await action.run(() => api.rectification.addFinding({ institution: inst, text }), {
            ok: (v) => `已登记整改事项（第 ${v.id} 号），反馈期限 ${v.feedbackDue}。`,
            invalidate: ['rectification', 'audit'],
          });
          if (r) setText('');
        }}
        data-testid="finding-add"
      >
        登记发现的问题
      </button>
    </div>
  );
}
