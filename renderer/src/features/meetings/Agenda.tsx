import { type MeetingView } from '../../../../shared/domain/meetings';
import { useApi } from '../../data/use-api';

export function Agenda({ meeting, onChange }: { meeting: MeetingView; onChange: (ids: number[]) => void }) {
  const views = useApi('views.list', {});
  if (!views.data?.length) return <p className="muted">尚无保存的图表视图。在“数据总览 → 对比分析与演示”中点击“加入演示”后，可在此列入议程。</p>;
  return (
    <ul className="agenda" data-testid="agenda">
      {views.data.map((v) => (
        <li key={v.id}>
          <label>
            <input
              type="checkbox"
              checked={meeting.agenda.includes(v.id)}
              onChange={(e) => onChange(e.target.checked ? [...meeting.agenda, v.id] : meeting.agenda.filter((x) => x !== v.id))}
            />{' '}
            {v.name}
          </label>
        </li>
      ))}
    </ul>
  );
}
