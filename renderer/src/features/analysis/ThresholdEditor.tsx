// The change flags' thresholds, per indicator: pick the indicator, edit its four thresholds.

import { useState } from 'react';
import { changeInPoints } from '../../../../shared/format';
import { useApi } from '../../data/use-api';
import { type Ctx, type Msg } from './chart-common';
import { ThresholdForm } from './ThresholdForm';

/** Per-indicator thresholds of the change flags (peers: robust z; changes: % or percentage points). */
export function ThresholdEditor({ ctx, onMessage }: { ctx: Ctx; onMessage?: (m: Msg) => void }) {
  const saved = useApi('analysis.thresholds', {});
  const [code, setCode] = useState(ctx.indicators[0]?.code ?? '');
  const def = ctx.indicators.find((d) => d.code === code);
  const isShare = changeInPoints(def?.unit ?? '');
  const current = saved.data?.find((t) => t.indicator === code) ?? {
    indicator: code,
    peerYellow: 2.5,
    peerRed: 3.5,
    changeYellow: isShare ? 0.05 : 0.2,
    changeRed: isShare ? 0.1 : 0.3,
  };
  return (
    <div className="threshold-editor" data-testid="thresholds">
      <b>预警阈值</b>
      <select value={code} onChange={(e) => setCode(e.target.value)} aria-label="指标" data-testid="threshold-indicator">
        {ctx.indicators.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </select>
      {/* a new indicator or newly saved values start a fresh form */}
      <ThresholdForm key={`${code}:${JSON.stringify(current)}`} initial={current} name={def?.name ?? code} isShare={isShare} onMessage={onMessage} />
    </div>
  );
}
