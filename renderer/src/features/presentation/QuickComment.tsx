// The comment box of a show (C): kind, hospital (typed: name, code, pinyin initials), person,
// category (数据分析 by default, as in the meeting room's form) and text. A show started from a
// meeting's agenda files every comment under that meeting; any other show asks which meeting it
// belongs to — today's meeting chosen, or 「不属于会议」 in words — so none is filed silently without one.

import { useState } from 'react';
import { COMMENT_CATEGORIES, DEFAULT_COMMENT_CATEGORY } from '../../../../shared/domain/meetings';
import type { Institution } from '../../../../shared/domain/types';
import { today } from '../../../../shared/dates';
import { formatDateZh } from '../../../../shared/dates-parse';
import { api } from '../../api';
import { InstitutionSearch } from '../../components/InstitutionSearch';
import { useApi } from '../../data/use-api';
import { useAction } from '../../data/use-action';

/** What the slide shows when the comment is taken: saved with it. */
export interface SlideContext {
  indicator: string | null;
  period: string | null;
  viewId: number;
  slide: number;
}

export function QuickComment({
  institutions,
  meetingId,
  slide,
  onSaved,
  onCancel,
  onError,
}: {
  institutions: Institution[];
  /** the meeting the show belongs to; null: asked in the form */
  meetingId: number | null;
  slide: SlideContext;
  onSaved: () => void;
  onCancel: () => void;
  onError: (text: string) => void;
}) {
  const [c, setC] = useState({
    kind: '意见建议' as '意见建议' | '异议申诉',
    person: '',
    text: '',
    institution: null as string | null,
    category: DEFAULT_COMMENT_CATEGORY as string,
  });
  const meetings = useApi('meetings.list', {}, { enabled: meetingId === null });
  const todays = (meetings.data ?? []).filter((m) => m.date === today());
  const others = (meetings.data ?? []).filter((m) => m.date !== today()).slice(0, 20);
  // today's meeting chosen until the presenter chooses otherwise ('' = 不属于会议)
  const [chosen, setChosen] = useState<string | null>(null);
  const meetingChoice = meetingId !== null ? String(meetingId) : (chosen ?? (todays[0] ? String(todays[0].id) : ''));
  const action = useAction((m) => m && onError(m.message));
  const save = async () => {
    const r = await action.run(() => api.comments.quick({ ...c, ...slide, meetingId: meetingChoice ? Number(meetingChoice) : null }), {
      invalidate: ['comments'],
    });
    if (r) onSaved();
  };
  return (
    <div className="modal" role="dialog" aria-label="记录意见" data-testid="quick-comment">
      <h3>记录意见（第 {slide.slide} 页）</h3>
      {meetingId === null && (
        <div className="form-row">
          <label>
            所属会议{' '}
            <select value={meetingChoice} onChange={(e) => setChosen(e.target.value)} data-testid="comment-meeting">
              {todays.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}（今天）
                </option>
              ))}
              <option value="">不属于会议（记入意见库，不列入任何会议的清单）</option>
              {others.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}（{formatDateZh(m.date)}）
                </option>
              ))}
            </select>
          </label>
          <span className="muted" data-testid="comment-meeting-note">
            {meetingChoice ? '本条意见将列入所选会议的问题建议清单。' : '本条意见不属于任何会议。'}
          </span>
        </div>
      )}
      <div className="form-row">
        <select value={c.kind} onChange={(e) => setC({ ...c, kind: e.target.value as '意见建议' | '异议申诉' })} aria-label="类别">
          <option>意见建议</option>
          <option>异议申诉</option>
        </select>
        <select value={c.category} onChange={(e) => setC({ ...c, category: e.target.value })} aria-label="分类" data-testid="comment-category">
          {COMMENT_CATEGORIES.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </select>
        <InstitutionSearch
          institutions={institutions}
          value={c.institution}
          onChange={(code) => setC({ ...c, institution: code })}
          testId="comment-institution"
        />
        <input placeholder="提出人" value={c.person} onChange={(e) => setC({ ...c, person: e.target.value })} data-testid="comment-person" />
      </div>
      <textarea
        autoFocus
        rows={4}
        placeholder="意见内容（Ctrl+Enter 保存，Esc 取消）"
        value={c.text}
        onChange={(e) => setC({ ...c, text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
        }}
        data-testid="comment-text"
      />
      <div className="actions right">
        <button type="button" onClick={onCancel}>
          取消
        </button>
        <button type="button" className="primary" onClick={save} data-testid="comment-save">
          保存
        </button>
      </div>
    </div>
  );
}
