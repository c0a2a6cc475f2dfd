// 月告知: one hospital's month (seed 004's monthly notice to each DRG/DIP hospital) — every
// per-institution indicator against its level's median, P25–P75 and the region, its rank within
// its level; seed 004's items (病组入组, 结算清单上传 and 质控, 费用预拨, 基金预算执行, objections:
// notice-items.ts); the change flags with the causes recorded, and its open comments and objections.

import { formatDateZh } from '../../../../shared/dates-parse';
import type { Block, ReportDoc } from '../../../../shared/reports/model';
import { formatValue } from '../../../../shared/format';
import { reasonLine } from '../../../../shared/domain/flag-reasons';
import { formatPeriodZh } from '../../../../shared/period';
import { hospitalView } from '../../analysis/flags';
import { listComments } from '../../comments/comments-service';
import { RANKING_WINDOW, rankingWindow } from '../../../../shared/reports/ranking-window';
import type { ReportContext } from './context';
import { regionGroupedRate } from './further-figures';
import { noticeItemBlocks } from './notice-items';

const LEVEL_TEXT = { red: '红', yellow: '黄', green: '—' } as const;
/** the indicators whose ranking the notice draws as a chart */
const CHARTED = ['SVC_COST_PER_STAY', 'SVC_COST_INDEX', 'SVC_TIME_INDEX'];

export function monthlyNotice(ctx: ReportContext, institution: string, period: string): ReportDoc {
  // the hospital's row of the summaries (as its page shows it), and its flags from the month's list
  const v = hospitalView(ctx.db, institution, period);
  const band = v.band;
  const fmt = (x: number | null, unit: string) => formatValue(x, unit);
  const rankOf = (code: string) => {
    const r = ctx.ranking(code, period, band);
    const i = r.rows.findIndex((x) => x.institution === institution);
    return i < 0 ? '—' : `${i + 1}/${r.rows.length}`;
  };
  const mine = ctx.raisedOf(period, institution);
  const red = mine.filter((f) => f.level === 'red').length;
  const open = listComments(ctx.db, { institution }).filter((c) => c.status !== '已关闭');
  const blocks: Block[] = [
    {
      kind: 'facts',
      items: [
        { label: '医疗机构', value: `${v.name}（${v.institution}）` },
        { label: '级别 / 类别', value: `${v.level} · ${v.type}` },
        { label: '告知期间', value: formatPeriodZh(period) },
        { label: '变化预警', value: mine.length ? `红色 ${red} 项，黄色 ${mine.length - red} 项` : '无' },
        { label: '未办结意见', value: open.length ? `${open.length} 条` : '无' },
      ],
    },
    { kind: 'heading', text: '一、主要指标与同级比较' },
    {
      kind: 'paragraph',
      text: `下表列出本院${formatPeriodZh(period)}各项指标，与${band}医疗机构的中位数、四分位区间（P25—P75）及全统筹地区水平比较；“同级排名”按数值由高到低。`,
    },
    {
      kind: 'table',
      title: '主要指标',
      columns: [
        { title: '指标', width: 3 },
        { title: '本院', align: 'right', width: 2 },
        { title: '同级中位数', align: 'right', width: 2 },
        { title: '同级四分位区间', align: 'right', width: 3 },
        { title: '统筹地区', align: 'right', width: 2 },
        { title: '同级排名', align: 'center', width: 1.4 },
        { title: '预警', align: 'center', width: 1 },
      ],
      rows: v.rows.map((r) => [
        r.indicatorName,
        fmt(r.value, r.unit),
        fmt(r.peerMedian, r.unit),
        r.peerP25 === null ? '—' : `${formatValue(r.peerP25, r.unit, { withUnit: false })}—${fmt(r.peerP75, r.unit)}`,
        fmt(r.indicator === 'DRG_GROUPED_RATE' ? regionGroupedRate(ctx.db, period) : r.region, r.unit),
        r.value === null ? '—' : rankOf(r.indicator),
        LEVEL_TEXT[r.level],
      ]),
    },
  ];
  for (const code of CHARTED) {
    const r = ctx.ranking(code, period, band);
    const at = r.rows.findIndex((x) => x.institution === institution);
    if (at < 0) continue;
    // a large level: its first places and this hospital's neighbours, each named with its rank (750
    // bars were a smear of names, and took half a second a notice to draw)
    const shown = rankingWindow(r.rows.length, at);
    const whole = shown.length === r.rows.length;
    const { top, around } = RANKING_WINDOW;
    const label = (i: number) => (whole ? r.rows[i]!.name : `${i + 1}. ${r.rows[i]!.name}`);
    blocks.push({
      kind: 'chart',
      chart: {
        type: 'bar',
        horizontal: true,
        title: `${band}医疗机构${r.indicatorName}${whole ? '' : `（共 ${r.rows.length} 家，前 ${top} 名及本院前后各 ${around} 名）`}`,
        unit: r.unit,
        categories: shown.map(label),
        series: [{ name: r.indicatorName, values: shown.map((i) => r.rows[i]!.value) }],
        highlight: label(at),
      },
    });
  }
  blocks.push({ kind: 'heading', text: '二、告知事项' }, ...noticeItemBlocks(ctx, institution, period, band));
  blocks.push({ kind: 'heading', text: '三、变化预警及原因' });
  if (mine.length)
    blocks.push({
      kind: 'table',
      title: '变化预警',
      columns: [
        { title: '等级', align: 'center', width: 1 },
        { title: '指标', width: 3 },
        { title: '数值', align: 'right', width: 2 },
        { title: '提示', width: 4 },
        { title: '查明的原因', width: 4 },
      ],
      rows: mine.map((f) => [LEVEL_TEXT[f.level], f.indicatorName, fmt(f.value, f.unit), reasonLine(f), f.cause ?? '待说明']),
      note: '请对“待说明”的预警查明原因并反馈医保部门（《工作规则》第七条）。',
    });
  else blocks.push({ kind: 'paragraph', text: '本期各项指标未触发预警。' });
  blocks.push({ kind: 'heading', text: '四、意见建议与异议申诉办理情况' });
  if (open.length)
    blocks.push({
      kind: 'table',
      title: '未办结意见',
      columns: [
        { title: '编号', align: 'center', width: 1 },
        { title: '类别', width: 1.6 },
        { title: '内容', width: 5 },
        { title: '状态', align: 'center', width: 1.4 },
        { title: '责任处室', width: 1.8 },
        { title: '办理期限', align: 'center', width: 1.8 },
      ],
      rows: open.map((c) => [String(c.id), c.kind, c.text, c.status, c.department || '—', c.dueDate ? formatDateZh(c.dueDate) : '—']),
    });
  else blocks.push({ kind: 'paragraph', text: '本院目前没有未办结的意见建议或异议申诉。' });
  blocks.push({
    kind: 'editable',
    key: 'remarks',
    title: '五、医保部门提示',
    text: '',
    placeholder: '（请填写对本院的提示与要求，如需重点关注的指标、需反馈的事项及期限。）',
  });
  return {
    request: { type: '月告知', period, institution },
    title: `${v.name}医保数据月告知`,
    subtitle: `${ctx.regionName} · ${formatPeriodZh(period)}`,
    regionName: ctx.regionName,
    blocks,
  };
}
