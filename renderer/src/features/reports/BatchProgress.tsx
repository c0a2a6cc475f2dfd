// A hospital's report (月告知, 机构数据包) for every hospital: which one is being written, how far along, and 取消
// (stops after the file being written; the files already written stay, complete and registered).

import { useEffect, useState } from 'react';
import type { Progress } from '../../../../shared/domain/types';
import { BATCH_STAGE } from '../../../../shared/reports/registry';
import { api } from '../../api';

export function BatchProgress({ type }: { type: string }) {
  const [p, setP] = useState<Progress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => api.onProgress((x) => x.stage === BATCH_STAGE && setP(x)), []);
  const pct = p?.total ? Math.min(100, (p.done / p.total) * 100) : 0;
  return (
    <div className="card" data-testid="batch-progress">
      <b>正在生成{type}</b>
      <div className="progress">
        <div className={`progress-bar${p?.total ? '' : ' indeterminate'}`} style={p?.total ? { width: `${pct}%` } : undefined} />
      </div>
      <div className="toolbar">
        <span className="muted">{p ? `${p.done}/${p.total ?? '?'} · ${p.message}` : '准备中'}</span>
        <span className="spacer" />
        <button
          type="button"
          disabled={cancelling}
          onClick={() => {
            setCancelling(true);
            void api.reports.cancel();
          }}
          data-testid="batch-cancel"
        >
          {cancelling ? '正在取消…' : '取消'}
        </button>
      </div>
    </div>
  );
}
