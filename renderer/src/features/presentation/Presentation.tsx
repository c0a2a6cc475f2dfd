import { useState } from 'react';
import type { ViewSpec } from '../../../../shared/ipc/contract';
import { api } from '../../api';
import type { Ctx } from '../analysis/chart-common';
import { Show } from './Show';
import { useApi } from '../../data/use-api';
import { useAction } from '../../data/use-action';

export type View = { id: number; name: string; spec: ViewSpec };

/** The deck of saved chart views, and the full-screen presentation for the meeting. */
export function Presentation({ ctx }: { ctx: Ctx }) {
  const views = useApi('views.list', {});
  const action = useAction();
  const [presenting, setPresenting] = useState<number | null>(null);
  const list = views.data ?? [];
  return (
    <div className="card" data-testid="deck">
      <div className="toolbar">
        <h3 style={{ margin: 0 }}>演示文稿（{list.length} 页）</h3>
        <span className="muted">在各图表页点击“加入演示”添加；演示时用 →/← 或翻页器翻页，H 选择机构，C 记录意见，Esc 退出。</span>
        <button type="button" className="primary" disabled={!list.length} onClick={() => setPresenting(0)} data-testid="start-presentation">
          开始演示
        </button>
      </div>
      <ol className="deck-list">
        {list.map((v, i) => (
          <li key={v.id}>
            <span className="deck-no">{i + 1}</span>
            <span className="deck-name">{v.name}</span>
            <button type="button" onClick={() => setPresenting(i)}>
              从此页开始
            </button>
            <button type="button" onClick={() => action.run(() => api.views.remove({ id: v.id }), { invalidate: ['views'] })}>
              移除
            </button>
          </li>
        ))}
      </ol>
      {presenting !== null && list.length > 0 && <Show views={list} start={presenting} ctx={ctx} onExit={() => setPresenting(null)} />}
    </div>
  );
}
