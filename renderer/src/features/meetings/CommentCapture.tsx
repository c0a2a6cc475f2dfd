import { useState } from 'react';
import { COMMENT_CATEGORIES, DEFAULT_COMMENT_CATEGORY } from '../../../../shared/domain/meetings';
import { api } from '../../api';
import { type Msg } from './meeting-common';
import { useDebounced } from '../../hooks/use-debounced';
import { InstitutionSearch } from '../../components/InstitutionSearch';
import { useApi } from '../../data/use-api';
import { useAction } from '../../data/use-action';

/** Keyboard-first capture: pick the hospital by pinyin, type; every pause saves. */
export function CommentCapture({ meetingId, onSaved, setMsg }: { meetingId: number; onSaved: () => void; setMsg: (m: Msg) => void }) {
  const action = useAction(setMsg);
  const insts = useApi('catalog.institutions', {});
  const [form, setForm] = useState({
    id: null as number | null,
    institution: null as string | null,
    person: '',
    kind: '意见建议' as '意见建议' | '异议申诉',
    category: DEFAULT_COMMENT_CATEGORY as string,
    text: '',
  });
  const [status, setStatus] = useState('');
  const save = async (f: typeof form) => {
    if (!f.text.trim() && !f.institution) return;
    const c = await action.run(() =>
      api.comments.save({ id: f.id, comment: { meetingId, institution: f.institution, person: f.person, kind: f.kind, category: f.category, text: f.text } }),
    );
    if (!c) return;
    setForm((x) => ({ ...x, id: c.id }));
    setStatus(`已自动保存（第 ${c.id} 号）`);
    onSaved();
  };
  const autosave = useDebounced(save, 600);
  const update = (patch: Partial<typeof form>) => {
    const f = { ...form, ...patch };
    setForm(f);
    autosave(f);
  };
  return (
    <div className="card capture" data-testid="comment-capture">
      <h3>记录意见 {form.id ? <span className="muted">第 {form.id} 号</span> : null}</h3>
      <div className="form-row">
        <InstitutionSearch institutions={insts.data ?? []} value={form.institution} onChange={(code) => update({ institution: code })} />
        <input placeholder="提出人" value={form.person} onChange={(e) => update({ person: e.target.value })} data-testid="comment-person" />
        <select value={form.kind} onChange={(e) => update({ kind: e.target.value as '意见建议' | '异议申诉' })} aria-label="类别" data-testid="comment-kind">
          <option>意见建议</option>
          <option>异议申诉</option>
        </select>
        <select value={form.category} onChange={(e) => update({ category: e.target.value })} aria-label="分类" data-testid="comment-category">
          {COMMENT_CATEGORIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </div>
      <textarea
        rows={3}
        placeholder="意见内容（停顿即自动保存）"
        value={form.text}
        onChange={(e) => update({ text: e.target.value })}
        data-testid="comment-text"
      />
      <div className="toolbar">
        <span className="muted" data-testid="comment-status">
          {status}
        </span>
        <button
          type="button"
          onClick={() => (setForm({ id: null, institution: null, person: '', kind: '意见建议', category: DEFAULT_COMMENT_CATEGORY, text: '' }), setStatus(''))}
          data-testid="comment-new"
        >
          下一条
        </button>
      </div>
    </div>
  );
}
