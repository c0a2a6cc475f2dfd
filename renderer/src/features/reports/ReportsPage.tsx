// 报告: pick the report (月告知 for one hospital or all of them, 数据分析简报, 会议纪要), its period,
// hospital or meeting; see it as it will be exported and fill in the convenor's text; export PDF,
// Word or Excel — every file stamped with an export id and entered in the export register. Before
// a publication (a 月告知 batch, 季公告, 年通报, publishing 绩效评价) the period's flagged data are
// listed to be confirmed (QualityGateConfirm).

import { useCallback, useState } from 'react';
import { formatPeriodZh } from '../../../../shared/period';
import { REPORT_TYPES, type ReportFormat, type ReportRequest, type ReportType } from '../../../../shared/reports/model';
import { periodChoices } from '../../../../shared/reports/period-choices';
import { api } from '../../api';
import { MessageBanner } from '../../components/MessageBanner';
import { useAction } from '../../data/use-action';
import { useApi } from '../../data/use-api';
import { SchemePanel } from '../evaluation/SchemePanel';
import { BatchProgress } from './BatchProgress';
import { ExportHistory } from './ExportHistory';
import { ReportPreview } from './ReportPreview';
import { QualityGateConfirm } from './QualityGateConfirm';
import { Tabs } from '../../components/Tabs';

const ALL = '__all__';

const FORMATS: { id: ReportFormat; label: string; filter: string }[] = [
  { id: 'pdf', label: '导出 PDF', filter: 'PDF 文件' },
  { id: 'docx', label: '导出 Word', filter: 'Word 文档' },
  { id: 'xlsx', label: '导出 Excel', filter: 'Excel 工作簿' },
];

export function ReportsPage({ months, periods, period }: { months: string[]; periods: string[]; period: string | null }) {
  const [type, setType] = useState<ReportType>('月告知');
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
  const choices = holdings.data ? periodChoices(type, months, periods, holdings.data) : [];
  const p =
    chosenPeriod && choices.includes(chosenPeriod) ? chosenPeriod : type === '数据分析简报' && period && choices.includes(period) ? period : (choices[0] ?? '');
  const hospital = institution || hospitals[0]?.code || '';
  const meeting = meetingId ?? meetings.data?.[0]?.id ?? null;
  const request: ReportRequest =
    type === '月告知'
      ? { type, period: p, institution: hospital === ALL ? null : hospital }
      : type === '会议纪要'
        ? { type, period: meetings.data?.find((m) => m.id === meeting)?.period ?? '', meetingId: meeting }
        : { type, period: p };
  const batch = type === '月告知' && hospital === ALL;
  const ready = type === '会议纪要' ? meeting !== null : !!p && (type !== '月告知' || !!hospital);
  const preview = useApi('reports.preview', batch ? { ...request, institution: hospitals[0]?.code ?? null } : request, {
    enabled: ready && (!batch || hospitals.length > 0),
    keepPrevious: true,
  });

  // a 月告知 batch, 季公告 and 年通报 are published to the hospitals: their data are checked first
  const gated = batch || type === '季公告' || type === '年通报';
  const exportAs = (format: ReportFormat) => {
    if (gated) setGate({ what: batch ? '批量导出月告知' : `导出${type}`, period: p, go: () => void exportNow(format) });
    else void exportNow(format);
  };
  const exportNow = async (format: ReportFormat) => {
    if (batch) {
      const { path, name } = await api.dialog.folder({ title: '选择存放月告知的文件夹' });
      if (!path) return;
      await action.run(() => api.reports.exportBatch({ period: p, format, dir: path }), {
        ok: (r) =>
          r.cancelled
            ? `已取消：已生成 ${r.files.length}/${r.total} 家，其余未生成。`
            : `已生成 ${r.files.length} 家医疗机构的月告知，并打包为 ${r.zip?.fileName ?? ''}（文件夹：${name ?? ''}）。`,
        invalidate: ['reports', 'audit'],
      });
      return;
    }
    const doc = preview.data;
    const f = FORMATS.find((x) => x.id === format)!;
    const { path } = await api.dialog.save({
      title: f.label,
      defaultName: `${doc?.title ?? type}-${p ? formatPeriodZh(p) : ''}.${format}`,
      filters: [{ name: f.filter, extensions: [format] }],
    });
    if (!path) return;
    await action.run(() => api.reports.export({ request, format, path }), { ok: (r) => `已导出：${r.path}（编号 ${r.id}）`, invalidate: ['reports', 'audit'] });
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
        {type !== '会议纪要' && choices.length > 0 && (
          <select value={p} onChange={(e) => setPeriod(e.target.value)} aria-label="期间" data-testid="report-period">
            {choices.map((x) => (
              <option key={x} value={x}>
                {formatPeriodZh(x)}
              </option>
            ))}
          </select>
        )}
        {type === '月告知' && (
          <select value={hospital} onChange={(e) => setInstitution(e.target.value)} aria-label="医疗机构" data-testid="report-institution">
            <option value={ALL}>全部DRG/DIP医疗机构（{hospitals.length} 家，批量导出）</option>
            {hospitals.map((i) => (
              <option key={i.code} value={i.code}>
                {i.name}
              </option>
            ))}
          </select>
        )}
        {type === '会议纪要' && (
          <select value={meeting ?? ''} onChange={(e) => setMeetingId(Number(e.target.value))} aria-label="会议" data-testid="report-meeting">
            {(meetings.data ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.date} {m.title}
              </option>
            ))}
          </select>
        )}
        <span className="spacer" />
        {type === '绩效评价' && (
          <button
            type="button"
            disabled={!p || action.busy}
            onClick={() =>
              setGate({
                what: '发布排名',
                period: p,
                go: () =>
                  void action.run(() => api.evaluation.publish({ period: p }), {
                    ok: (r) => `已发布 ${formatPeriodZh(r.period)} 绩效评价排名（编号 ${r.id}），方案与结果一并保存。`,
                    invalidate: ['evaluation', 'reports', 'audit'],
                  }),
              })
            }
            data-testid="evaluation-publish"
          >
            发布排名
          </button>
        )}
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
      {type === '会议纪要' && !meetings.data?.length && <div className="card">还没有会议记录。请先在“会议与意见”中新建会议。</div>}
      {gate && <QualityGateConfirm period={gate.period} what={gate.what} onConfirm={passGate} onBack={() => setGate(null)} />}
      {action.busy && batch && <BatchProgress />}
      <MessageBanner message={action.message} testId="report-message" />
      {batch && <div className="banner warn">批量导出将为每家DRG/DIP医疗机构各生成一份月告知，并打包为一个压缩包；下面预览第一家。</div>}
      {type === '绩效评价' && <SchemePanel />}
      {preview.error && <MessageBanner message={{ kind: 'error', ...preview.error }} />}
      {!ready && type !== '会议纪要' && holdings.data && (
        <div className="card" data-testid="report-unavailable">
          {type === '季公告'
            ? '工作区中还没有完整的季度数据（某季度三个月的数据都已导入，或导入了季度数据），暂不能生成季公告。'
            : type === '月告知'
              ? '工作区中还没有按DRG/DIP付费的医疗机构或月度数据，暂不能生成月告知。请先导入数据包。'
              : type === '年通报'
                ? '工作区中还没有全年的基金数据（12个月的基金收支，或导入的年度数据），暂不能生成年通报。'
                : `工作区中还没有可用于${type}的期间数据。请先导入数据包。`}
        </div>
      )}
      {/* the previous report stays in view, dimmed, until this one is made; none when nothing can be made */}
      {ready && preview.data && (
        <div className={preview.previous ? 'report-stale' : undefined} aria-busy={preview.previous}>
          <ReportPreview doc={preview.data} />
        </div>
      )}
      <ExportHistory />
    </section>
  );
}
