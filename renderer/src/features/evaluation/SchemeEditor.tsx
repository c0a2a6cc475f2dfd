// The region's performance evaluation scheme: which per-institution indicators count, in which
// dimension, which way is better, with what weight and scoring rule, to which institutions each
// applies (a DRG indicator only to hospitals paid by DRG/DIP); and the total's thresholds.
// Saving replaces the current scheme; rankings already published keep the scheme they used.

import { useState } from 'react';
import { DIMENSIONS, DRG_DIP, defaultScope, scopeWords, type Scheme, type SchemeItem, type Scope } from '../../../../shared/evaluation/scheme';
import { api } from '../../api';
import { useAction, type Message } from '../../data/use-action';
import { useApi } from '../../data/use-api';

export function SchemeEditor({ initial, onMessage }: { initial: Scheme; onMessage: (m: Message) => void }) {
  const [s, setS] = useState<Scheme>(initial);
  const catalog = useApi('catalog.indicators', {});
  const action = useAction(onMessage);
  const perInst = (catalog.data ?? []).filter((d) => d.perInstitution);
  const setItem = (i: number, patch: Partial<SchemeItem>) => setS({ ...s, items: s.items.map((it, j) => (j === i ? { ...it, ...patch } : it)) });
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v));
  // a share's benchmark and tolerance are typed and shown in % and 百分点 (98, not 0.98), as everywhere else
  const isShare = (code: string) => perInst.find((d) => d.code === code)?.unit === '%';
  const shown = (code: string, v: number | undefined) => (v === undefined ? '' : isShare(code) ? Number((v * 100).toPrecision(12)) : v);
  const stored = (code: string, v: string) => {
    const x = num(v);
    return x === undefined || !isShare(code) ? x : x / 100;
  };
  // the scope as the select shows it: any institution, those paid by DRG/DIP, or one set elsewhere (shown in words)
  const scopeChoice = (sc: Scope | undefined) => (!sc ? 'all' : scopeWords(sc) === scopeWords(DRG_DIP) ? 'drg' : 'other');
  return (
    <div className="card scheme-editor" data-testid="scheme-editor">
      <h3>评价方案</h3>
      <table className="scheme-table">
        <thead>
          <tr>
            <th>维度</th>
            <th>指标</th>
            <th>方向</th>
            <th>权重</th>
            <th>评分方法</th>
            <th>适用机构</th>
            <th>标杆值</th>
            <th>容差</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {s.items.map((it, i) => (
            <tr key={i}>
              <td className="dimension">
                <select value={it.dimension} onChange={(e) => setItem(i, { dimension: e.target.value as SchemeItem['dimension'] })} aria-label="维度">
                  {DIMENSIONS.map((d) => (
                    <option key={d}>{d}</option>
                  ))}
                </select>
              </td>
              <td className="indicator">
                <select
                  value={it.indicator}
                  onChange={(e) => setItem(i, { indicator: e.target.value, appliesTo: defaultScope(e.target.value) })}
                  aria-label="指标"
                  data-testid={`scheme-indicator-${i}`}
                >
                  {perInst.map((d) => (
                    <option key={d.code} value={d.code}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </td>
              <td className="direction">
                <select value={it.direction} onChange={(e) => setItem(i, { direction: e.target.value as SchemeItem['direction'] })} aria-label="方向">
                  <option value="higher">越高越好</option>
                  <option value="lower">越低越好</option>
                </select>
              </td>
              <td>
                <input
                  type="number"
                  min="0"
                  step="1"
                  value={it.weight}
                  onChange={(e) => setItem(i, { weight: Number(e.target.value) })}
                  aria-label="权重"
                  data-testid={`scheme-weight-${i}`}
                />
              </td>
              <td className="rule">
                <select value={it.rule} onChange={(e) => setItem(i, { rule: e.target.value as SchemeItem['rule'] })} aria-label="评分方法">
                  <option value="percentile">同级百分位</option>
                  <option value="benchmark">标杆值</option>
                </select>
              </td>
              <td className="scope">
                <select
                  value={scopeChoice(it.appliesTo)}
                  onChange={(e) => e.target.value !== 'other' && setItem(i, { appliesTo: e.target.value === 'drg' ? { ...DRG_DIP } : undefined })}
                  aria-label="适用机构"
                  data-testid={`scheme-scope-${i}`}
                >
                  <option value="all">全部机构</option>
                  <option value="drg">{scopeWords(DRG_DIP)}</option>
                  {scopeChoice(it.appliesTo) === 'other' && <option value="other">{scopeWords(it.appliesTo)}</option>}
                </select>
              </td>
              <td className="with-unit">
                <input
                  type="number"
                  step="any"
                  disabled={it.rule !== 'benchmark'}
                  value={shown(it.indicator, it.benchmark)}
                  onChange={(e) => setItem(i, { benchmark: stored(it.indicator, e.target.value) })}
                  aria-label="标杆值"
                  data-testid={`scheme-benchmark-${i}`}
                />
                {isShare(it.indicator) && it.rule === 'benchmark' && <span className="unit">%</span>}
              </td>
              <td className="with-unit">
                <input
                  type="number"
                  step="any"
                  disabled={it.rule !== 'benchmark'}
                  value={shown(it.indicator, it.tolerance)}
                  onChange={(e) => setItem(i, { tolerance: stored(it.indicator, e.target.value) })}
                  aria-label="容差"
                />
                {isShare(it.indicator) && it.rule === 'benchmark' && <span className="unit">个百分点</span>}
              </td>
              <td className="action">
                <button type="button" onClick={() => setS({ ...s, items: s.items.filter((_, j) => j !== i) })}>
                  删除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar">
        <button
          type="button"
          onClick={() =>
            setS({
              ...s,
              items: [
                ...s.items,
                {
                  indicator: perInst[0]?.code ?? '',
                  dimension: '任务完成',
                  direction: 'higher',
                  weight: 10,
                  rule: 'percentile',
                  appliesTo: defaultScope(perInst[0]?.code ?? ''),
                },
              ],
            })
          }
        >
          增加指标
        </button>
        <label>
          绿色 ≥
          <input
            type="number"
            value={s.thresholds.green}
            onChange={(e) => setS({ ...s, thresholds: { ...s.thresholds, green: Number(e.target.value) } })}
            aria-label="绿色分数线"
          />
        </label>
        <label>
          黄色 ≥
          <input
            type="number"
            value={s.thresholds.yellow}
            onChange={(e) => setS({ ...s, thresholds: { ...s.thresholds, yellow: Number(e.target.value) } })}
            aria-label="黄色分数线"
          />
        </label>
        <span className="spacer" />
        <button
          type="button"
          className="primary"
          disabled={action.busy}
          onClick={() =>
            action.run(() => api.evaluation.setScheme({ scheme: s }), {
              ok: () => '评价方案已保存。已发布的排名仍按其发布时的方案保存，可随时复现。',
              invalidate: ['evaluation', 'reports'],
            })
          }
          data-testid="scheme-save"
        >
          保存方案
        </button>
      </div>
    </div>
  );
}
