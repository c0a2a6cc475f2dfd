// Revealing the committee one level at a time (三级, 二级, 一级及基层, then pharmacies): for a room
// that wants the result by level rather than every step of the walk. The steps stay on record and
// are shown in full when the ceremony ends.

import type { DrawRecordView, DrawResultView } from '../../../../shared/domain/members';

const ORDER = ['三级', '二级', '一级及基层', '未定级'];

/** The committee in groups: each hospital level in order, pharmacies last. */
export function bandGroups(record: DrawRecordView): { title: string; members: DrawResultView[] }[] {
  const groups = new Map<string, DrawResultView[]>();
  for (const r of record.result) {
    const title = r.kind === 'pharmacy' ? '药店代表' : `${r.band}医疗机构`;
    (groups.get(title) ?? groups.set(title, []).get(title)!).push(r);
  }
  const rank = (t: string) => (t === '药店代表' ? 99 : ORDER.findIndex((b) => t.startsWith(b)));
  return [...groups].map(([title, members]) => ({ title, members })).sort((a, b) => rank(a.title) - rank(b.title));
}

export function RevealByBand({ record, count }: { record: DrawRecordView; count: number }) {
  const groups = bandGroups(record);
  return (
    <div className="reveal-bands" data-testid="reveal-bands">
      {groups.slice(0, count).map((g) => (
        <section key={g.title} data-testid="reveal-band">
          <h4>
            {g.title}（{g.members.length} 席）
          </h4>
          <ol>
            {g.members.map((m) => (
              <li key={m.person}>
                <span className="reveal-name">{m.institutionName}</span>
                <span className="reveal-decision">
                  {m.name}（{m.role}）
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {count < groups.length && <p className="muted">还有 {groups.length - count} 个级别待揭晓。</p>}
    </div>
  );
}
