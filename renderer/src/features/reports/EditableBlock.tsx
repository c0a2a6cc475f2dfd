// The convenor's own text in a report (conclusions, next steps, remarks): typed in the preview,
// saved after each pause, kept when the report is built again; unfilled it prints as 【待填写】.

import { useState } from 'react';
import type { ReportRequest } from '../../../../shared/reports/model';
import { api } from '../../api';
import { useAction } from '../../data/use-action';
import { useDebounced } from '../../hooks/use-debounced';

export function EditableBlock({ request, block }: { request: ReportRequest; block: { key: string; title: string; text: string; placeholder: string } }) {
  const [text, setText] = useState(block.text);
  const [status, setStatus] = useState('');
  const action = useAction((m) => m?.kind === 'error' && setStatus(`未能保存：${m.message}`));
  const save = useDebounced(async (t: string) => {
    const r = await action.run(() => api.reports.saveText({ request, key: block.key, text: t }), { invalidate: ['reports'] });
    if (r) setStatus('已自动保存');
  }, 700);
  return (
    <div className="report-editable">
      <h3>{block.title}</h3>
      <textarea
        value={text}
        placeholder={block.placeholder}
        rows={4}
        onChange={(e) => {
          setText(e.target.value);
          setStatus('正在输入…');
          save(e.target.value);
        }}
        data-testid={`report-text-${block.key}`}
      />
      <div className="muted">{status || (text.trim() ? '' : '未填写时，导出的报告在此处标注【待填写】。')}</div>
    </div>
  );
}
