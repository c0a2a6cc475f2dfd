import { useState } from 'react';
import type { ViewSpec } from '../../../../shared/ipc/contract';
import { api } from '../../api';
import type { Ctx } from '../analysis/chart-common';
import { Show } from './Show';
import { useApi } from '../../data/use-api';
import { useAction } from '../../data/use-action';
import { DeckItem } from './DeckItem';
import { MessageBanner } from '../../components/MessageBanner';

export type View = { id: number; name: string; spec: ViewSpec };

/** The deck of saved chart views — reordered and renamed here — and the full-screen presentation. */
export function Presentation({ ctx }: { ctx: Ctx }) {
  const views = useApi('views.list', {});
  const action = useAction();
  const [presenting, setPresenting] = useState<number | null>(null);
  const list = views.data ?? [];
  const move = (i: number, by: -1 | 1) => {
    const ids = list.map((v) => v.id);
    const j = i + by;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    void action.run(() => api.views.reorder({ ids }), { invalidate: ['views'] });
  };
  return (
    <div className="card" data-testid="deck">
      <div className="toolbar">
        <h3 style={{ margin: 0 }}>演示文稿（{list.length} 页）</h3>
        <span className="muted">在各图表页或概览中点击“加入演示”添加；演示时用 →/← 或翻页笔翻页，↓ 看长表格的下一屏，H 选择机构，C 记录意见，Esc 退出。</span>
        <button type="button" className="primary" disabled={!list.length} onClick={() => setPresenting(0)} data-testid="start-presentation">
          开始演示
        </button>
      </div>
      <MessageBanner message={action.message} />
      <ol className="deck-list">
        {list.map((v, i) => (
          <DeckItem
            key={v.id}
            no={i + 1}
            view={v}
            first={i === 0}
            last={i === list.length - 1}
            onMove={(by) => move(i, by)}
            onRename={(name) => action.run(() => api.views.rename({ id: v.id, name }), { invalidate: ['views', 'meetings'] })}
            onPresent={() => setPresenting(i)}
            onRemove={() => action.run(() => api.views.remove({ id: v.id }), { invalidate: ['views', 'meetings'] })}
          />
        ))}
      </ol>
      {presenting !== null && list.length > 0 && <Show views={list} start={presenting} ctx={ctx} onExit={() => setPresenting(null)} />}
    </div>
  );
}
