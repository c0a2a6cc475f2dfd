import { type CSSProperties, useEffect, useMemo, useRef, useState } from 'react';
import { SlidePagesContext } from '../../components/slide-pages';
import type { ViewSpec } from '../../../../shared/ipc/contract';
import { formatPeriodZh } from '../../../../shared/period';
import { Watermark } from '../../components/Watermark';
import { type View } from './Presentation';
import { ChartView } from '../analysis/ChartView';
import { type Ctx } from '../analysis/chart-common';
import { useSlideType } from '../../hooks/use-slide-type';
import { InstitutionPicker } from './InstitutionPicker';
import { QuickComment } from './QuickComment';

/** meetingId: the meeting being held; every comment recorded with C belongs to it (else the form asks). */
export function Show({
  views,
  start,
  ctx,
  onExit,
  meetingId = null,
}: {
  views: View[];
  start: number;
  ctx: Ctx;
  onExit: () => void;
  meetingId?: number | null;
}) {
  const [index, setIndex] = useState(start);
  // the screen of a long table on this slide, and how many it has (see slide-pages)
  const [page, setPage] = useState(0);
  const [pages, setPages] = useState(1);
  const pager = useMemo(() => ({ page, setPages }), [page]);
  const [institution, setInstitution] = useState<string | null>(null);
  const [picker, setPicker] = useState(false);
  const [comment, setComment] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const showToast = (text: string) => {
    setToast(text);
    setTimeout(() => setToast(null), 2500);
  };
  const view = views[index]!;
  // the slide's smallest type; the stylesheet sizes every text of the slide from it (--slide-text)
  const { t } = useSlideType();
  const exitRef = useRef(onExit);
  exitRef.current = onExit;
  const spec: ViewSpec = institution ? { ...view.spec, institution } : view.spec;

  useEffect(() => {
    // In full screen the browser takes Esc to leave full screen and the page never sees the key:
    // leaving full screen therefore ends the presentation too.
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      else if (entered) exitRef.current();
    };
    document.addEventListener('fullscreenchange', onChange);
    document.documentElement.requestFullscreen?.().catch(() => undefined);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  const turn = (to: number) => {
    setIndex(to);
    setPage(0);
    setPages(1);
    setInstitution(null);
  };
  // the key handler sees this render's state; one listener for the whole presentation
  const onKey = (e: KeyboardEvent) => {
    if (comment || picker) {
      if (e.key === 'Escape') {
        setComment(false);
        setPicker(false);
      }
      return;
    }
    // → ←, and a presenter's clicker (PageDown, PageUp; some send space) turn the page (slide)
    // whatever screen of a long table is shown: the room waits for the next slide, not for the
    // flag list's 3,000 screens. ↓ ↑ go screen by screen within a slide's table, then on to the
    // next or previous slide
    const forward = ['ArrowRight', 'PageDown', ' '].includes(e.key);
    if (forward || e.key === 'ArrowLeft' || e.key === 'PageUp') {
      e.preventDefault();
      const to = index + (forward ? 1 : -1);
      if (to >= 0 && to < views.length) turn(to);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (page + 1 < pages) setPage(page + 1);
      else if (index + 1 < views.length) turn(index + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (page > 0) setPage(page - 1);
      else if (index > 0) turn(index - 1);
    } else if (e.key === 'Escape') onExit();
    else if (e.key === 'c' || e.key === 'C') {
      e.preventDefault();
      // the hospital is chosen in the form, never taken from what the slide happens to highlight
      setComment(true);
    } else if (e.key === 'h' || e.key === 'H') {
      e.preventDefault();
      setPicker(true);
    }
  };
  const keyRef = useRef(onKey);
  keyRef.current = onKey;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keyRef.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <div className="presentation" data-testid="presentation" style={{ '--slide-text': `${t}px` } as CSSProperties}>
      <Watermark text="内部资料 注意保密" />
      <div className="slide-head">
        <span className="slide-title" data-testid="slide-title">
          {view.name}
        </span>
        <span className="slide-no" data-testid="slide-no">
          {index + 1} / {views.length}
          {pages > 1 && `（${page + 1}/${pages} 屏）`}
        </span>
      </div>
      <div className="slide-body">
        <SlidePagesContext.Provider value={pager}>
          <ChartView key={`${view.id}-${institution}`} spec={spec} ctx={ctx} big />
        </SlidePagesContext.Provider>
      </div>
      <div className="slide-foot">
        <span>内部资料 注意保密</span>
        <span>{formatPeriodZh(spec.period)}</span>
        <span>→ 下一页 · ← 上一页 · ↓ 下一屏 · H 选择机构 · C 记录意见 · Esc 退出</span>
      </div>
      {toast && (
        <div className="toast" data-testid="toast">
          {toast}
        </div>
      )}
      {picker && <InstitutionPicker institutions={ctx.institutions} value={institution} onChange={setInstitution} onClose={() => setPicker(false)} />}
      {comment && (
        <QuickComment
          institutions={ctx.institutions}
          meetingId={meetingId}
          slide={{ indicator: spec.indicator ?? null, period: spec.period, viewId: view.id, slide: index + 1 }}
          // errors show as the toast; success closes the comment box first, then says so
          onSaved={() => (setComment(false), showToast('意见已记录'))}
          onCancel={() => setComment(false)}
          onError={showToast}
        />
      )}
    </div>
  );
}
