// A meeting's agenda: the slides it will present, in the order they are shown (moved up and down
// here), and the deck's other pages to add. Renaming a page is done in the deck (演示).

import { type MeetingView } from '../../../../shared/domain/meetings';
import { useApi } from '../../data/use-api';

export function Agenda({ meeting, onChange }: { meeting: MeetingView; onChange: (ids: number[]) => void }) {
  const views = useApi('views.list', {});
  if (!views.data?.length) return <p className="muted">尚无保存的图表视图。在“数据总览”的概览或“对比分析与演示”中点击“加入演示”后，可在此列入议程。</p>;
  const byId = new Map(views.data.map((v) => [v.id, v]));
  const onAgenda = meeting.agenda.filter((id) => byId.has(id));
  const others = views.data.filter((v) => !onAgenda.includes(v.id));
  const move = (i: number, by: -1 | 1) => {
    const ids = [...onAgenda];
    [ids[i], ids[i + by]] = [ids[i + by]!, ids[i]!];
    onChange(ids);
  };
  return (
    <div data-testid="agenda">
      {onAgenda.length > 0 && (
        <ol className="agenda agenda-order" data-testid="agenda-order">
          {onAgenda.map((id, i) => (
            <li key={id}>
              <label>
                <input type="checkbox" checked onChange={() => onChange(onAgenda.filter((x) => x !== id))} /> {byId.get(id)!.name}
              </label>
              <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label="上移" title="上移" data-testid="agenda-up">
                ↑
              </button>
              <button type="button" disabled={i === onAgenda.length - 1} onClick={() => move(i, 1)} aria-label="下移" title="下移" data-testid="agenda-down">
                ↓
              </button>
            </li>
          ))}
        </ol>
      )}
      {others.length > 0 && (
        <>
          {onAgenda.length > 0 && <p className="muted">可加入议程的页面：</p>}
          <ul className="agenda">
            {others.map((v) => (
              <li key={v.id}>
                <label>
                  <input type="checkbox" checked={false} onChange={() => onChange([...onAgenda, v.id])} /> {v.name}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
