// The draw's steps as the room sees them revealed: the newest at the bottom of the box, scrolled
// into view at each press (the box holds about ten; a pool of forty institutions makes some forty
// steps and one of 3,000 three thousand, so without it new steps appeared out of sight). While revealing, the
// last REVEAL_WINDOW steps are drawn (re-drawing 3,000 took a second a press); all of them once done.

import { useEffect, useRef } from 'react';
import type { DrawRecordView } from '../../../../shared/domain/members';

export const REVEAL_WINDOW = 200;

export function RevealSteps({ steps, shown, hidden }: { steps: DrawRecordView['steps']; shown: number; hidden: boolean }) {
  const list = useRef<HTMLOListElement>(null);
  const done = shown >= steps.length;
  const from = done ? 0 : Math.max(0, shown - REVEAL_WINDOW);
  useEffect(() => {
    const el = list.current;
    if (el && !done) el.scrollTop = el.scrollHeight;
  }, [shown, done]);
  return (
    <ol className="reveal" hidden={hidden} ref={list}>
      {from > 0 && (
        <li className="reveal-folded" data-testid="reveal-folded">
          前 {from} 步已揭晓，全部揭晓后可在此查看
        </li>
      )}
      {steps.slice(from, shown).map((s, i) => (
        <li key={from + i} className={s.decision} data-testid="reveal-step">
          <span className="reveal-name">{s.institutionName}</span>
          <span className="reveal-meta">
            {s.band} · {s.type}
          </span>
          <span className="reveal-decision">{s.decision === 'accepted' ? `入选 ${s.personName ?? ''}` : '跳过'}</span>
          <span className="reveal-reason">{s.reason}</span>
        </li>
      ))}
    </ol>
  );
}
