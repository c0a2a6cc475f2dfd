// The check report of a package before the convenor confirms: its contents, errors and warnings
// with their places, whether the same file was imported before, which periods the import would
// supersede (only those whose data differs) and the changed values, the package's own first.

import type { ImportReport } from '../../../../shared/domain/types';
import { formatDateTimeZh } from '../../../../shared/format';
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
  const superseded = new Set(report.supersededPeriods);
  const changedPeriods = report.diff.filter((d) => superseded.has(d.period));
  const newPeriods = report.periods.length - report.supersededPeriods.length - report.unchangedPeriods.length;
  const { given, derived, belowDisplay } = report.changeCounts;
  const listedGiven = report.changes.filter((c) => !c.derived).length;
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
      {report.sameFile && (
        <div className="banner warn" data-testid="report-same-file">
          与已导入的文件相同：此文件与 {formatDateTimeZh(report.sameFile.importedAt)} 由 {report.sameFile.importedBy} 导入的“{report.sameFile.fileName}
          ”内容完全一致（文件校验码相同）。
          {errors === 0 && !report.supersedes && ' 工作区中的数据与它相同，确认导入不会替代任何期间。'}
        </div>
      )}
      {errors > 0 ? (
        <div className="banner error" data-testid="report-errors-banner">
          发现 {errors} 个错误，数据包不能导入，工作区没有任何改动。请按下表修正后重新导入。
        </div>
      ) : (
        <div className="banner ok" data-testid="report-ok-banner">
          检查通过{warnings ? `，有 ${warnings} 个警告（不影响导入，请核对）` : ''}。
          {report.supersedes
            ? ` 将替代 ${report.supersededPeriods.length} 个期间的数据（${given + derived + belowDisplay} 个数值有变化），原数据保留在历史中。`
            : report.unchangedPeriods.length
              ? ' 数据包中已有期间的数据与工作区相同，不会替代任何期间。'
              : ' 全部为新期间的数据。'}
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
      {errors === 0 && (report.supersedes || report.unchangedPeriods.length > 0) && (
        <>
          <h4>与工作区现有数据的差异</h4>
          <p className="muted" data-testid="report-diff-summary">
            {report.supersededPeriods.length} 个期间的数据有变化（将替代），{newPeriods} 个为新期间，{report.unchangedPeriods.length}{' '}
            个期间与工作区相同（不改动）。
          </p>
          {changedPeriods.length > 0 && (
            <Grid rows={changedPeriods} columns={diffColumns} height={Math.min(240, 60 + changedPeriods.length * 34)} testId="report-diff" />
          )}
          {report.changes.length > 0 && (
            <>
              <h4>变化的数值</h4>
              <p className="muted" data-testid="report-changes-summary">
                数据包填报的数值 {given} 个在前（按机构排列{listedGiven < given ? `，列出前 ${listedGiven} 个` : ''}），由公式推算的合计与比率 {derived} 个在后
                {report.changes.length - listedGiven < derived ? `（列出前 ${report.changes.length - listedGiven} 个）` : ''}。
                {belowDisplay > 0 && `另有 ${belowDisplay} 个数值的变化小于显示精度，未列出。`}
              </p>
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
