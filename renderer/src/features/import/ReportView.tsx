import type { ImportReport } from '../../../../shared/domain/types';
import { formatPeriodZh } from '../../../../shared/period';
import { Grid } from '../../components/Grid';
import { issueColumns, diffColumns, changeColumns } from './columns';

export function ReportView({
  report,
  busy,
  onCommit,
  onCancel,
}: {
  report: ImportReport;
  busy: boolean;
  onCommit: (r: ImportReport) => void;
  onCancel: (r: ImportReport) => void;
}) {
  const errors = report.errors.length + report.truncated.errors;
  const warnings = report.warnings.length + report.truncated.warnings;
  const changed = report.diff.reduce((a, d) => a + d.changed + d.removed, 0);
  const changedPeriods = report.diff.filter((d) => d.changed + d.removed > 0);
  return (
    <div className="card" data-testid="import-report">
      <h3>检查结果：{report.fileName}</h3>
      <div className="summary">
        <span>
          统筹地区 <b>{report.regionName || '—'}</b>（{report.regionCode || '—'}）
        </span>
        <span>
          期间 <b>{report.periods.length}</b> 个
          {report.periods.length ? `（${formatPeriodZh(report.periods[0]!)} — ${formatPeriodZh(report.periods[report.periods.length - 1]!)}）` : ''}
        </span>
        <span>
          机构 <b>{report.counts.institutions}</b> 家
        </span>
        <span>
          指标值 <b>{(report.counts.regionValues + report.counts.institutionValues).toLocaleString('zh-CN')}</b> 个
        </span>
        <span>
          病组行 <b>{report.counts.groupRows.toLocaleString('zh-CN')}</b>
        </span>
      </div>
      {errors > 0 ? (
        <div className="banner error" data-testid="report-errors-banner">
          发现 {errors} 个错误，数据包不能导入，工作区没有任何改动。请按下表修正后重新导入。
        </div>
      ) : (
        <div className="banner ok" data-testid="report-ok-banner">
          检查通过{warnings ? `，有 ${warnings} 个警告（不影响导入，请核对）` : ''}。
          {report.supersedes ? ` 将替代已有期间的数据：${changed} 个数值有变化，原数据保留在历史中。` : ' 全部为新期间的数据。'}
        </div>
      )}
      {errors > 0 && (
        <>
          <h4>错误（{errors}）</h4>
          <Grid rows={report.errors} columns={issueColumns} height={300} testId="report-errors" />
        </>
      )}
      {warnings > 0 && (
        <>
          <h4>警告（{warnings}）</h4>
          <Grid rows={report.warnings} columns={issueColumns} height={240} testId="report-warnings" />
        </>
      )}
      {errors === 0 && report.supersedes && (
        <>
          <h4>与工作区现有数据的差异</h4>
          <p className="muted" data-testid="report-diff-summary">
            {changedPeriods.length} 个期间有数值变化或删除，{report.diff.filter((d) => d.added > 0 && d.changed + d.removed + d.unchanged === 0).length}{' '}
            个为新期间，其余 {report.diff.length - changedPeriods.length} 个期间的数值不变。
          </p>
          {changedPeriods.length > 0 && (
            <Grid rows={changedPeriods} columns={diffColumns} height={Math.min(240, 60 + changedPeriods.length * 34)} testId="report-diff" />
          )}
          {report.changes.length > 0 && (
            <>
              <h4>变化的数值（前 {report.changes.length} 个）</h4>
              <Grid rows={report.changes} columns={changeColumns} height={240} testId="report-changes" />
            </>
          )}
        </>
      )}
      <div className="actions right">
        <button type="button" onClick={() => onCancel(report)} disabled={busy} data-testid="import-cancel">
          取消
        </button>
        <button type="button" className="primary" disabled={busy || !report.token} onClick={() => onCommit(report)} data-testid="import-confirm">
          确认导入
        </button>
      </div>
    </div>
  );
}
