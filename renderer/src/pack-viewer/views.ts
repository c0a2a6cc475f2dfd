// The pack page's screens, one function each, built from the decrypted payload: the indicators
// against the level (a month's table with the position strips), the trends, 同比/环比 beside the
// region's, the change flags, the DRG/DIP groups, the 月告知s, comments and objections, 绩效评价.

import { formatPeriodZh } from '../../../shared/period';
import { changeOf, formatChangeValue, formatValue } from '../../../shared/format';
import type { Block } from '../../../shared/reports/model';
import type { PackPayload } from '../../../shared/pack/payload';
import { fill, h, note, section, table } from './dom';
import { positionStrip, trendChart } from './charts';

const LEVEL = { red: '红', yellow: '黄', green: '—' } as const;
const rankText = (rank: number | null, of: number) => (rank === null ? '—' : `第 ${rank} / ${of}`);

function monthSelect(p: PackPayload, value: string, onChange: (m: string) => void): HTMLSelectElement {
  const sel = h('select', { 'aria-label': '月份' }, ...[...p.months].reverse().map((m) => h('option', { value: m }, formatPeriodZh(m))));
  sel.value = value;
  sel.addEventListener('change', () => onChange(sel.value));
  return sel;
}

/** 指标与同级: every indicator of one month against the level (the first screen). */
export function positionView(p: PackPayload, month = p.to): HTMLElement {
  const box = h('div');
  const draw = (m: string) => {
    const rows = p.indicators
      .map((ind) => ({ ind, pt: ind.points.find((x) => x.period === m) }))
      .filter((r) => r.pt !== undefined)
      .map(({ ind, pt }) => [
        ind.name,
        formatValue(pt!.value, ind.unit),
        formatValue(pt!.median, ind.unit),
        pt!.p25 === null ? '—' : `${formatValue(pt!.p25, ind.unit, { withUnit: false })}—${formatValue(pt!.p75, ind.unit)}`,
        rankText(pt!.rank, pt!.of),
        formatValue(pt!.region, ind.unit),
        positionStrip(pt!),
        h('span', { class: `lv ${pt!.level}` }, LEVEL[pt!.level]),
      ]);
    fill(
      box,
      section(
        `${formatPeriodZh(m)} 主要指标与同级比较`,
        h('div', { class: 'bar' }, h('label', {}, '月份 ', monthSelect(p, m, draw))),
        table(['指标', '本院', '同级中位数', '同级四分位区间', '同级排名', '统筹地区', '在同级中的位置', '预警'], rows, [1, 2, 3, 4, 5]),
        note(
          `同级为${p.hospital.band}医疗机构；排名按数值由高到低。位置图：蓝框为同级 P25—P75，蓝线为中位数，红点为本院。只列同级的汇总数，不含其他机构的数值。`,
        ),
      ),
    );
  };
  draw(month);
  return box;
}

/** 趋势: one indicator month by month. */
export function trendView(p: PackPayload): HTMLElement {
  const box = h('div');
  const draw = (code: string) => {
    const ind = p.indicators.find((i) => i.code === code) ?? p.indicators[0];
    if (!ind) return fill(box, note('本期间没有指标数据。'));
    const sel = h('select', { 'aria-label': '指标' }, ...p.indicators.map((i) => h('option', { value: i.code }, i.name)));
    sel.value = ind.code;
    sel.addEventListener('change', () => draw(sel.value));
    fill(
      box,
      section(
        `${ind.name}趋势（${formatPeriodZh(p.from)}—${formatPeriodZh(p.to)}）`,
        h('div', { class: 'bar' }, h('label', {}, '指标 ', sel)),
        h('div', { class: 'chart' }, trendChart(ind)),
        ind.additive ? note('统筹地区数值为全地区合计，只列在表中，不画在图上。') : null,
        table(
          ['月份', '本院', '同级中位数', '同级排名', '统筹地区'],
          [...ind.points]
            .reverse()
            .map((pt) => [
              formatPeriodZh(pt.period),
              formatValue(pt.value, ind.unit),
              formatValue(pt.median, ind.unit),
              rankText(pt.rank, pt.of),
              formatValue(pt.region, ind.unit),
            ]),
          [1, 2, 3, 4],
        ),
        ind.rankedNames
          ? h(
              'div',
              {},
              h('h3', {}, `${formatPeriodZh(p.to)}同级排名（按地区规定公布名称）`),
              h('ol', { class: 'names' }, ...ind.rankedNames.map((n) => h('li', {}, n))),
            )
          : null,
      ),
    );
  };
  draw(p.indicators[0]?.code ?? '');
  return box;
}

/** 同比/环比: the hospital's changes beside the region's, for one month. */
export function changeView(p: PackPayload): HTMLElement {
  const box = h('div');
  const draw = (m: string) => {
    const i = p.months.indexOf(m);
    const prev = i > 0 ? p.months[i - 1] : undefined;
    const rows = p.indicators.flatMap((ind) => {
      const pt = ind.points.find((x) => x.period === m);
      if (!pt) return [];
      const before = prev ? ind.points.find((x) => x.period === prev) : undefined;
      const c = (a: number | null | undefined, b: number | null | undefined) => formatChangeValue(ind.unit, changeOf(ind.unit, a, b));
      return [
        [
          ind.name,
          formatValue(pt.value, ind.unit),
          c(pt.value, before?.value),
          c(pt.region, before?.region),
          c(pt.value, pt.lastYear),
          c(pt.region, pt.regionLastYear),
        ],
      ];
    });
    fill(
      box,
      section(
        `${formatPeriodZh(m)} 同比、环比`,
        h('div', { class: 'bar' }, h('label', {}, '月份 ', monthSelect(p, m, draw))),
        table(['指标', '本院', '本院环比', '统筹地区环比', '本院同比', '统筹地区同比'], rows, [1, 2, 3, 4, 5]),
        note('比率类指标的变化以百分点计，其他指标以百分比计；环比对上月，同比对上年同月。“—”为缺少上期数据。'),
      ),
    );
  };
  draw(p.to);
  return box;
}

export function flagView(p: PackPayload): HTMLElement {
  return section(
    '变化预警及原因',
    p.flags.length
      ? table(
          ['月份', '等级', '指标', '数值', '提示', '查明的原因'],
          [...p.flags]
            .reverse()
            .map((f) => [
              formatPeriodZh(f.period),
              h('span', { class: `lv ${f.level}` }, LEVEL[f.level]),
              f.indicatorName,
              formatValue(f.value, f.unit),
              f.reasons,
              f.cause ?? '待说明',
            ]),
          [3],
        )
      : note('本期间各项指标未触发预警。'),
  );
}

export function drgView(p: PackPayload): HTMLElement {
  const share = (x: number | null | undefined) => (x === null || x === undefined ? '—' : formatValue(x, '%'));
  const rows = p.drg.groups.map((g) => [
    g.code,
    g.name,
    formatValue(g.cases, '例'),
    formatValue(g.costPerCase, '元'),
    g.region ? formatValue(g.region.costPerCase, '元') : '—',
    g.bedDaysPerCase.toFixed(1),
    g.region ? g.region.bedDaysPerCase.toFixed(1) : '—',
    share(g.selfPayShare),
    g.region ? share(g.region.selfPayShare) : '—',
    g.region ? `${g.region.hospitals} 家` : (g.regionNote ?? ''),
  ]);
  return section(
    `DRG/DIP 病组（${formatPeriodZh(p.from)}—${formatPeriodZh(p.to)}合计）`,
    rows.length
      ? table(
          ['病组编码', '病组名称', '病例数', '例均费用', '地区例均', '例均床日', '地区例均床日', '自费占比', '地区自费占比', '地区均值含'],
          rows,
          [2, 3, 4, 5, 6, 7, 8],
        )
      : note('本期间没有本院的病组数据。'),
    note(p.drg.note),
  );
}

function block(b: Block): Node | null {
  switch (b.kind) {
    case 'heading':
      return h('h3', {}, b.text);
    case 'paragraph':
      return h('p', b.alert ? { class: 'alert' } : {}, b.text);
    case 'facts':
      return h('dl', { class: 'facts' }, ...b.items.flatMap((f) => [h('dt', {}, f.label), h('dd', {}, f.value)]));
    case 'table':
      return h(
        'div',
        {},
        table(
          b.columns.map((c) => c.title),
          b.rows,
          b.columns.flatMap((c, i) => (c.align && c.align !== 'left' ? [i] : [])),
        ),
        b.note ? note(b.note) : null,
      );
    case 'editable':
      return b.text ? h('div', {}, h('h3', {}, b.title), h('p', {}, b.text)) : null;
    case 'chart':
      return null;
  }
}

export function noticeView(p: PackPayload): HTMLElement {
  if (!p.notices.length) return section('月告知', note('本期间没有月告知。'));
  const box = h('div');
  const draw = (m: string) => {
    const n = p.notices.find((x) => x.period === m) ?? p.notices[p.notices.length - 1]!;
    const sel = h('select', { 'aria-label': '月告知月份' }, ...[...p.notices].reverse().map((x) => h('option', { value: x.period }, formatPeriodZh(x.period))));
    sel.value = n.period;
    sel.addEventListener('change', () => draw(sel.value));
    fill(
      box,
      section(
        n.title,
        h(
          'div',
          { class: 'bar' },
          h('label', {}, '月份 ', sel),
          h('span', { class: 'muted' }, n.exported ? `已印发（导出编号 ${n.exported.id}）` : '本月告知未登记印发'),
        ),
        ...n.blocks.map(block),
      ),
    );
  };
  draw(p.to);
  return box;
}

export function commentView(p: PackPayload): HTMLElement {
  return section(
    '意见建议与异议申诉',
    p.comments.length
      ? table(
          ['编号', '类别', '内容', '涉及期间', '状态', '责任处室', '办理期限', '答复'],
          p.comments.map((c) => [
            String(c.id),
            c.kind,
            c.text,
            c.period ? formatPeriodZh(c.period) : '—',
            c.status,
            c.department || '—',
            c.dueDate ?? '—',
            c.answer || '—',
          ]),
        )
      : note('本院在本期间没有意见建议或异议申诉。'),
  );
}

export function evaluationView(p: PackPayload): HTMLElement {
  if (!p.evaluations.length) return section('绩效评价', note('本期间没有已公布的绩效评价。'));
  return h(
    'div',
    {},
    ...p.evaluations.map((e) =>
      section(
        `${formatPeriodZh(e.period)}绩效评价：总分 ${e.total.toFixed(2)}，同级第 ${e.rank} / ${e.of}`,
        table(
          ['指标', '本院数值', '得分', '权重', '依据'],
          e.items.map((it) => [it.indicatorName, formatValue(it.value, it.unit), it.score.toFixed(2), String(it.weight), it.basis]),
          [1, 2, 3],
        ),
      ),
    ),
  );
}
