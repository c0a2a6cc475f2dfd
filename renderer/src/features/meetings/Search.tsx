// 搜索: full-text search over minutes and comments. Each hit names where it is (the meeting and its
// date, or the comment's number, hospital and meeting), shows the phrase around the match with the
// match marked, and opens its meeting on a click.
import { useState } from 'react';
import { useApi } from '../../data/use-api';

export function Search({ onOpen }: { onOpen: (meetingId: number) => void }) {
  const [q, setQ] = useState('');
  const hits = useApi('meetings.search', { q }, { keepPrevious: true });
  const list = hits.data ?? [];
  return (
    <div className="card">
      <input
        placeholder="搜索会议纪要和意见：输入其中的任意文字（不支持拼音首字母）"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ width: '100%' }}
        data-testid="search-input"
      />
      {q.trim() && hits.data && (
        <p className="muted" data-testid="search-count">
          {list.length ? `找到 ${list.length} 处${list.length === 100 ? '（只列前 100 处，请输入更多文字缩小范围）' : ''}` : '没有找到。'}
        </p>
      )}
      <ul className="hits" data-testid="search-hits">
        {list.map((h) => (
          <li key={`${h.kind}${h.ref}`}>
            <div>
              <span className="tag">{h.kind === 'meeting' ? '会议' : '意见'}</span>{' '}
              {h.meetingId !== null ? (
                <button type="button" className="link" onClick={() => onOpen(h.meetingId!)} data-testid="search-open" title="打开这次会议">
                  {h.title}
                </button>
              ) : (
                <span>{h.title}</span>
              )}
            </div>
            <div className="muted">
              {h.snippet.before}
              <mark>{h.snippet.hit}</mark>
              {h.snippet.after}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
