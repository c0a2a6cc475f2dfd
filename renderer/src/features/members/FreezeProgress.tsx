// Freezing a draw while it runs: the announcement estimates every institution's chance of a seat
// from 1,000 simulated draws, seconds on a pool of thousands of institutions. Says how far along.

import { useEffect, useState } from 'react';
import { FREEZE_STAGE } from '../../../../shared/domain/members';
import type { Progress } from '../../../../shared/domain/types';
import { api } from '../../api';

export function FreezeProgress() {
  const [p, setP] = useState<Progress | null>(null);
  useEffect(() => api.onProgress((x) => x.stage === FREEZE_STAGE && setP(x)), []);
  const pct = p?.total ? Math.min(100, (p.done / p.total) * 100) : 0;
  return (
    <div className="freeze-progress" data-testid="freeze-progress">
      <div className="progress">
        <div className={`progress-bar${p?.total ? '' : ' indeterminate'}`} style={p?.total ? { width: `${pct}%` } : undefined} />
      </div>
      <span className="muted">{p ? `正在估算各机构入选概率：${p.message}` : '正在冻结成员库与规则，并估算各机构入选概率……'}</span>
    </div>
  );
}
