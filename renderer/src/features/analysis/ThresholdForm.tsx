// The four thresholds of one indicator, edited and saved (changes shown as % or percentage points).

import { useState } from 'react';
import type { Thresholds } from '../../../../shared/domain/analysis';
import { api } from '../../api';
import { useAction } from '../../data/use-action';
import type { Msg } from './chart-common';

const pctIn = (v: number) => Math.round(v * 1000) / 10;

export function ThresholdForm({ initial, name, isShare, onMessage }: { initial: Thresholds; name: string; isShare: boolean; onMessage?: (m: Msg) => void }) {
  const action = useAction(onMessage);
  const [t, setT] = useState(initial);
  return (
    <>
      <label>
        同级偏离 黄≥
        <input type="number" step="0.1" value={t.peerYellow} onChange={(e) => setT({ ...t, peerYellow: Number(e.target.value) })} />
      </label>
      <label>
        红≥
        <input type="number" step="0.1" value={t.peerRed} onChange={(e) => setT({ ...t, peerRed: Number(e.target.value) })} />
      </label>
      <label>
        {isShare ? '变化（百分点）' : '变化（%）'} 黄≥
        <input
          type="number"
          step="1"
          value={pctIn(t.changeYellow)}
          onChange={(e) => setT({ ...t, changeYellow: Number(e.target.value) / 100 })}
          data-testid="threshold-change-yellow"
        />
      </label>
      <label>
        红≥
        <input
          type="number"
          step="1"
          value={pctIn(t.changeRed)}
          onChange={(e) => setT({ ...t, changeRed: Number(e.target.value) / 100 })}
          data-testid="threshold-change-red"
        />
      </label>
      <button
        type="button"
        data-testid="threshold-save"
        onClick={() =>
          action.run(() => api.analysis.setThresholds({ ...t, indicator: initial.indicator }), {
            ok: () => `已保存“${name}”的预警阈值。`,
            invalidate: ['analysis'],
          })
        }
      >
        保存阈值
      </button>
    </>
  );
}
