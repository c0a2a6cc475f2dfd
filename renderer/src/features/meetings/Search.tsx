import { useState } from 'react';
import { useApi } from '../../data/use-api';

export function Search() {
  const [q, setQ] = useState('');
  const hits = useApi('meetings.search', { q }, { keepPrevious: true });
  return (
    <div className="card">
      <input
        placeholder="搜索会议纪要和意见：输入其中的任意文字（不支持拼音首字母）"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ width: '100%' }}
        data-testid="search-input"
      />
      <ul className="hits" data-testid="search-hits">
        {(hits.data ?? []).map((h) => (
          <li key={`${h.kind}${h.ref}`}>
            <span className="tag">{h.kind === 'meeting' ? '会议' : `意见 ${h.ref}`}</span> {h.snippet}
          </li>
        ))}
      </ul>
    </div>
  );
}
