// Presenting the meeting's agenda from the meeting itself: the slides are the charts on its agenda,
// in its order, and every comment recorded with C during the presentation belongs to this meeting
// (its 问题建议清单, its minutes, search).

import { useMemo, useState } from 'react';
import type { MeetingView } from '../../../../shared/domain/meetings';
import { useApi } from '../../data/use-api';
import type { Ctx } from '../analysis/chart-common';
import { Show } from '../presentation/Show';

export function PresentAgenda({ meeting }: { meeting: MeetingView }) {
  const views = useApi('views.list', {});
  const catalog = useApi('catalog.indicators', {});
  const insts = useApi('catalog.institutions', {});
  const app = useApi('app.info', {});
  const [presenting, setPresenting] = useState(false);
  const slides = useMemo(() => meeting.agenda.map((id) => views.data?.find((v) => v.id === id)).filter((v) => v !== undefined), [meeting.agenda, views.data]);
  const ctx: Ctx = {
    indicators: (catalog.data ?? []).filter((d) => d.perInstitution),
    institutions: insts.data ?? [],
    months: (app.data?.workspace?.periods ?? []).filter((p) => /^\d{4}-\d{2}$/.test(p)).reverse(),
  };
  return (
    <>
      <button type="button" className="primary" disabled={!slides.length} onClick={() => setPresenting(true)} data-testid="present-agenda">
        演示本次会议议程（{slides.length} 页）
      </button>
      {presenting && slides.length > 0 && <Show views={slides} start={0} ctx={ctx} meetingId={meeting.id} onExit={() => setPresenting(false)} />}
    </>
  );
}
