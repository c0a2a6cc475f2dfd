// 报告: pick the report type, its period, hospital (or all of them) or meeting, as the type's registry
// entry says (shared/reports/registry.ts); see it as it will be exported and fill in the convenor's
// text; export PDF, Word or Excel — every file stamped with an export id and entered in the export
// register. Before a publication (an entry's `gate`: a 月告知 batch, 季公告, 年通报; publishing 绩效评价)
// the period's flagged data are listed to be confirmed (QualityGateConfirm); an export with text blocks
// still 【待填写】 asks whether to fill, drop or keep them (PlaceholderConfirm).

import { formatDateZh } from '../../../../shared/dates-parse';
import { useCallback, useState } from 'react';
import { formatPeriodZh } from '../../../../shared/period';
import type { ReportFormat, ReportRequest } from '../../../../shared/reports/model';
import { periodChoices, REPORT_TYPES, reportSpec, type ReportType } from '../../../../shared/reports/registry';
import { api } from '../../api';
import { MessageBanner } from '../../components/MessageBanner';
import { useAction } from '../../data/use-action';
import { useApi } from '../../data/use-api';
import { PublishRankingButton } from '../evaluation/PublishRankingButton';
import { ToItemsButton } from '../rectification/ToItemsButton';
import { SchemePanel } from '../evaluation/SchemePanel';
import { BatchProgress } from './BatchProgress';
import { ExportHistory } from './ExportHistory';
import { PackBatchCard } from './PackBatchCard';
import { ReportPreview } from './ReportPreview';
import { QualityGateConfirm } from './QualityGateConfirm';
import { PlaceholderConfirm } from './PlaceholderConfirm';
import { pendingSections, type PlaceholderChoice } from '../../../../shared/reports/placeholders';
import { Tabs } from '../../components/Tabs';

const ALL = '__all__';

const FORMATS: { id: ReportFormat; label: string; filter: string }[] = [
  { id: 'pdf', label: '导出 PDF', filter: 'PDF 文件' },
  { id: 'docx', label: '导出 Word', filter: 'Word 文档' },
  { id: 'xlsx', label: '导出 Excel', filter: 'Excel 工作簿' },
];

export function ReportsPage({ period }: { period: string | null }) {
  const [type, setType] = useState<ReportType>(REPORT_TYPES[0]);
  const [chosenPeriod, setPeriod] = useState<string | null>(null);
  const [institution, setInstitution] = useState('');
  const [meetingId, setMeetingId] = useState<number | null>(null);
  const insts = useApi('catalog.institutions', {});
  const meetings = useApi('meetings.list', {});
  const action = useAction();
  // a publication waiting behind the data-quality gate: what it is, and what it does when confirmed
  const [gate, setGate] = useState<{ what: string; period: string; go: () => void } | null>(null);
  const passGate = useCallback(() => {
    setGate(null);
    gate?.go();
  }, [gate]);
  // the periods holding the data each report needs (a year with only next year's budget is not offered)
  const holdings = useApi('reports.periods', {});
  const hospitals = (insts.data ?? []).filter((i) => i.payment === 'DRG' || i.payment === 'DIP');
  const spec = reportSpec(type);
  const choices = holdings.data ? periodChoices(type, holdings.data) : [];
  const p =
    chosenPeriod && choices.includes(chosenPeriod) ? chosenPeriod : spec.followsAppPeriod && period && choices.includes(period) ? period : (choices[0] ?? '');
  const hospital = institution === ALL && !spec.batch ? '' : institution || hospitals[0]?.code || '';
  const meeting = meetingId ?? meetings.data?.[0]?.id ?? null;
  const request: ReportRequest =
    spec.subject === 'institution'
      ? { type, period: p, institution: hospital === ALL ? null : hospital }
      : spec.subject === 'meeting'
        ? { type, period: meetings.data?.find((m) => m.id === meeting)?.period ?? '', meetingId: meeting }
        : { type, period: p };
  const batch = !!spec.batch && hospital === ALL;
  const ready = spec.subject === 'meeting' ? meeting !== null : !!p && (spec.subject !== 'institution' || !!hospital);
  const preview = useApi('reports.preview', batch ? { ...request, institution: hospitals[0]?.code ?? null } : request, {
    enabled: ready && (!batch || hospitals.length > 0),
    keepPrevious: true,
  });

  // a 月告知 batch, 季公告 and 年通报 are published to the hospitals: their data are checked first
  const gated = spec.gate === 'export' || (spec.gate === 'batch' && batch);
  // the text blocks still 【待填写】 are asked about before anything is written
  const [asking, setAsking] = useState<{ sections: string[]; go: (c: PlaceholderChoice) => void } | null>(null);
  const askPlaceholders = (format: ReportFormat) => {
    const sections = preview.data ? pendingSections(preview.data) : [];
    if (sections.length) setAsking({ sections, go: (c) => void exportNow(format, c) });
    else void exportNow(format);
  };
  const exportAs = (format: ReportFormat) => {
    if (gated) setGate({ what: batch ? '批量导出月告知' : `导出${type}`, period: p, go: () => askPlaceholders(format) });
    else askPlaceholders(format);
  };
  const exportNow = async (format: ReportFormat, placeholders?: PlaceholderChoice) => {
    if (batch) {
      const { path, name } = await api.dialog.folder({ title: `选择存放${type}的文件夹` });
      if (!path) return;
      await action.run(() => api.reports.exportBatch({ type, period: p, format, dir: path, placeholders }), {
        ok: (r) =>
          r.cancelled
            ? `已取消：已生成 ${r.files.length}/${r.total} 家，其余未生成。`
            : `已生成 ${r.files.length} 家医疗机构的${type}，并打包为 ${r.zip?.fileName ?? ''}（文件夹：${name ?? ''}）。`,
        invalidate: ['reports', 'audit'],
      });
      return;
    }
    const doc = preview.data;
    const f = FORMATS.find((x) => x.id === format)!;
    const { path } = await api.dialog.save({
      title: f.label,
      // a hospital's report carries its code beside the name in its title: two hospitals may share a name
      defaultName: `${request.institution ? `${request.institution}-` : ''}${doc?.title ?? type}-${p ? formatPeriodZh(p) : ''}.${format}`,
      filters: [{ name: f.filter, extensions: [format] }],
    });
    if (!path) return;
    await action.run(() => api.reports.export({ request, format, path, placeholders }), {
      ok: (r) => `已导出：${r.path}（编号 ${r.id}）`,
      invalidate: ['reports', 'audit'],
    });
  };

  return (
    <section className="page" data-testid="page-reports">
      <header className="page-head">
        <h1>报告</h1>
        <Tabs
          tabs={REPORT_TYPES.map((t) => ({ id: t, label: t }))}
          value={type}
          onChange={(t) => (setType(t), action.setMessage(null))}
          testIdPrefix="report-type-"
        />
      </header>
      <div className="toolbar filters">
        {spec.subject !== 'meeting' && choices.length > 0 && (
          <select value={p} onChange={(e) => setPeriod(e.target.value)} aria-label="期间" data-testid="report-period">
            {choices.map((x) => (
              <option key={x} value={x}>
                {formatPeriodZh(x)}
              </option>
            ))}
          </select>
        )}
        {spec.subject === 'institution' && (
          <select value={hospital} onChange={(e) => setInstitution(e.target.value)} aria-label="医疗机构" data-testid="report-institution">
            {spec.batch && <option value={ALL}>全部DRG/DIP医疗机构（{hospitals.length} 家，批量导出）</option>}
            {hospitals.map((i) => (
              <option key={i.code} value={i.code}>
                {i.name}
              </option>
            ))}
          </select>
        )}
        {spec.subject === 'meeting' && (
          <select value={meeting ?? ''} onChange={(e) => setMeetingId(Number(e.target.value))} aria-label="会议" data-testid="report-meeting">
            {(meetings.data ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {formatDateZh(m.date)} {m.title}
              </option>
            ))}
          </select>
        )}
        <span className="spacer" />
        {spec.evaluationTools && <PublishRankingButton period={p} action={action} beforePublish={(go) => setGate({ what: '发布排名', period: p, go })} />}
        {spec.evaluationTools && <ToItemsButton from="grades" period={p} action={action} />}
        {FORMATS.map((f) => (
          <button
            key={f.id}
            type="button"
            className={f.id === 'pdf' ? 'primary' : undefined}
            disabled={!ready || action.busy}
            onClick={() => exportAs(f.id)}
            data-testid={`report-export-${f.id}`}
          >
            {f.label}
          </button>
        ))}
      </div>
      {spec.subject === 'meeting' && !meetings.data?.length && <div className="card">{spec.unavailable}</div>}
      {asking && (
        <PlaceholderConfirm
          sections={asking.sections}
          onBack={() => setAsking(null)}
          onChoose={(c) => {
            setAsking(null);
            asking.go(c);
          }}
        />
      )}
      {gate && <QualityGateConfirm period={gate.period} what={gate.what} onConfirm={passGate} onBack={() => setGate(null)} />}
      {action.busy && batch && <BatchProgress type={type} />}
      <MessageBanner message={action.message} testId="report-message" />
      {batch && <div className="banner warn">批量导出将为每家DRG/DIP医疗机构各生成一份{type}，并打包为一个压缩包；下面预览第一家。</div>}
      {spec.evaluationTools && <SchemePanel />}
      {preview.error && <MessageBanner message={{ kind: 'error', ...preview.error }} />}
      {!ready && spec.subject !== 'meeting' && holdings.data && (
        <div className="card" data-testid="report-unavailable">
          {spec.unavailable}
        </div>
      )}
      {/* the previous report stays in view, dimmed, until this one is made; none when nothing can be made */}
      {ready && preview.data && (
        <div className={preview.previous ? 'report-stale' : undefined} aria-busy={preview.previous}>
          <ReportPreview doc={preview.data} />
        </div>
      )}
      <PackBatchCard />
      <ExportHistory />
    </section>
  );
}
