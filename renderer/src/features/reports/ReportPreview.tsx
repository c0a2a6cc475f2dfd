// The report as it will be exported: title, key figures, tables, charts and the convenor's text
// blocks (editable here, those still 【待填写】 listed at the top), on a page-like sheet marked 内部资料 注意保密.

import type { ReportDoc } from '../../../../shared/reports/model';
import { pendingSections } from '../../../../shared/reports/placeholders';
import { EditableBlock } from './EditableBlock';
import { ReportChart } from './ReportChart';
import { ReportTable } from './ReportTable';

export function ReportPreview({ doc }: { doc: ReportDoc }) {
  const pending = pendingSections(doc);
  return (
    <article className="report-sheet" data-testid="report-preview">
      {pending.length > 0 && (
        <div className="banner warn" data-testid="report-pending">
          尚未填写（导出时会询问）：{pending.join('、')}
        </div>
      )}
      <div className="report-mark">内部资料 注意保密</div>
      <h2 className="report-title">{doc.title}</h2>
      <div className="report-subtitle">{doc.subtitle}</div>
      {doc.blocks.map((b, i) => {
        switch (b.kind) {
          case 'heading':
            return <h3 key={i}>{b.text}</h3>;
          case 'paragraph':
            return (
              <p key={i} className={b.alert ? 'report-alert' : undefined}>
                {b.text}
              </p>
            );
          case 'facts':
            return (
              <dl className="facts" key={i}>
                {b.items.map((f) => [<dt key={`${f.label}-t`}>{f.label}</dt>, <dd key={`${f.label}-d`}>{f.value}</dd>])}
              </dl>
            );
          case 'table':
            return <ReportTable key={i} table={b} request={doc.request} block={i} />;
          case 'chart':
            return <ReportChart key={i} spec={b.chart} />;
          case 'editable':
            return <EditableBlock key={`${doc.title}-${b.key}`} request={doc.request} block={b} />;
        }
      })}
    </article>
  );
}
