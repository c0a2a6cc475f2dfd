// One hospital's 机构数据包 payload: its indicators month by month against its level (the hospital
// view's own numbers: value, median, P25–P75, region; its rank as the 月告知 counts it), its change
// flags with their causes, its DRG/DIP groups against the region's mean of each group, its 月告知s,
// its comments and objections, and the published 绩效评价 lines that concern it. Only the hospital's
// own figures and aggregates of its peers go in (shared/pack/payload.ts).

import { AppError } from '../../../shared/errors';
import { reasonLine } from '../../../shared/domain/flag-reasons';
import { formatPeriodZh, monthsOf, samePeriodLastYear } from '../../../shared/period';
import type { Block } from '../../../shared/reports/model';
import {
  PACK_MIN_OTHERS,
  type PackComment,
  type PackDrgGroup,
  type PackEvaluation,
  type PackIndicator,
  type PackNotice,
  type PackPayload,
} from '../../../shared/pack/payload';
import { getRow, type ReadableDb } from '../db/connection';
import { hospitalView } from '../analysis/flags';
import { ownValues } from '../analysis/summary-read';
import { loadIndicators } from '../catalog/catalog';
import { listComments } from '../comments/comments-service';
import { buildReport } from '../reports/build';
import { groupSums, type PackContext } from './pack-context';

export interface PackSubject {
  institution: string;
  from: string;
  to: string;
}

/** The months of the range the workspace holds, or the reason there are none. */
export function packMonths(ctx: PackContext, from: string, to: string): string[] {
  if (from > to) throw new AppError('INVALID_INPUT', `起始月份${formatPeriodZh(from)}晚于截止月份${formatPeriodZh(to)}。`, '请重新选择期间范围。');
  const months = ctx.heldMonths().filter((m) => m >= from && m <= to);
  if (!months.length)
    throw new AppError(
      'INVALID_INPUT',
      `${formatPeriodZh(from)}至${formatPeriodZh(to)}没有已导入的月度数据。`,
      '请先导入这些月份的数据包，或选择有数据的期间。',
    );
  return months;
}

export function gatherPack(ctx: PackContext, s: PackSubject, stamp: { id: string; time: string }): PackPayload {
  const db = ctx.db;
  const me = ctx.insts.get(s.institution);
  if (!me) throw new AppError('INVALID_INPUT', `机构 ${s.institution} 不存在。`, '请从机构列表中选择，或核对机构编码。');
  const months = packMonths(ctx, s.from, s.to);
  const byName = ctx.rankingsByName;
  const catalog = loadIndicators(db);
  const indicators = new Map<string, PackIndicator>();
  for (const period of months) {
    const view = hospitalView(db, s.institution, period);
    const ago = samePeriodLastYear(period);
    const agoOwn = ownValues(
      db,
      s.institution,
      ago,
      view.rows.map((r) => r.indicator),
    );
    for (const r of view.rows) {
      let ind = indicators.get(r.indicator);
      if (!ind)
        indicators.set(
          r.indicator,
          (ind = { code: r.indicator, name: r.indicatorName, unit: r.unit, additive: catalog.get(r.indicator)?.additive ?? false, points: [] }),
        );
      // the rank among the level's values of the month (null when the hospital has none)
      const { rank, of } = ctx.rank(period, r.indicator, s.institution);
      ind.points.push({
        period,
        value: r.value,
        median: r.peerMedian,
        p25: r.peerP25,
        p75: r.peerP75,
        rank,
        of,
        region: r.region,
        lastYear: agoOwn.get(r.indicator) ?? null,
        regionLastYear: ctx.region(r.indicator, ago),
        level: r.level,
        reasons: r.reasons,
      });
    }
  }
  const last = months[months.length - 1]!;
  const ordered = [...catalog.values()].filter((d) => indicators.has(d.code)).map((d) => indicators.get(d.code)!);
  if (byName) for (const ind of ordered) ind.rankedNames = ctx.rankedNames(last, ind.code, me.band);
  const flags = months.flatMap((period) =>
    ctx.reports.raisedOf(period, s.institution).map((f) => ({
      period,
      indicatorName: f.indicatorName,
      unit: f.unit,
      level: f.level as 'red' | 'yellow',
      value: f.value,
      reasons: reasonLine(f),
      cause: f.cause,
    })),
  );
  return {
    version: 1,
    exportId: stamp.id,
    madeAt: stamp.time,
    regionName: ctx.reports.regionName,
    hospital: { code: me.code, name: me.name, level: me.level, band: me.band, type: me.type },
    from: months[0]!,
    to: last,
    months,
    indicators: ordered,
    flags,
    drg: { groups: drgGroups(ctx, s.institution, months[0]!, last), note: DRG_NOTE },
    notices: notices(ctx, s.institution, months),
    comments: comments(db, s.institution, months[0]!, last),
    evaluations: evaluations(ctx, s.institution, months[0]!, last, catalog),
    rankingsByName: byName,
  };
}

function drgGroups(ctx: PackContext, institution: string, from: string, to: string): PackDrgGroup[] {
  const region = ctx.regionGroups(from, to);
  const out: PackDrgGroup[] = [];
  for (const [key, g] of groupSums(ctx.db, from, to, institution)) {
    const r = region.get(key)!;
    const others = r.hospitals - 1;
    const shown = others >= PACK_MIN_OTHERS && r.cases > 0;
    out.push({
      code: key.slice(key.indexOf('|') + 1),
      name: g.name,
      cases: g.cases,
      costPerCase: g.cases ? g.cost / g.cases : 0,
      bedDaysPerCase: g.cases ? g.bedDays / g.cases : 0,
      selfPayShare: g.selfPay === null || !g.cost ? null : g.selfPay / g.cost,
      region: shown
        ? {
            hospitals: r.hospitals,
            costPerCase: r.cost / r.cases,
            bedDaysPerCase: r.bedDays / r.cases,
            selfPayShare: r.selfPay === null || !r.cost ? null : r.selfPay / r.cost,
          }
        : null,
      regionNote: shown ? null : `本组其他机构不足${PACK_MIN_OTHERS}家，不列地区均值（以免推知其他机构的数据）`,
    });
  }
  return out.sort((a, b) => b.cases * b.costPerCase - a.cases * a.costPerCase || a.code.localeCompare(b.code));
}

const DRG_NOTE =
  '病组数据按数据包“病组”表的病例数、总费用、总床日和自费费用汇总；地区均值为统筹地区内有该病组的全部机构合计后按病例平均。数据包未报送检查检验、药品等费用结构，故不列出。';

function notices(ctx: PackContext, institution: string, months: string[]): PackNotice[] {
  const out: PackNotice[] = [];
  for (const period of months) {
    let doc;
    try {
      doc = buildReport(ctx.db, { type: '月告知', period, institution }, ctx.reports);
    } catch {
      continue; // a month without the notice's data: the notice was not made either
    }
    // the ranking charts name other hospitals with their values: never in a pack
    const blocks: Block[] = doc.blocks.filter((b) => b.kind !== 'chart');
    const exported = getRow<{ id: string; at: string }>(
      ctx.db,
      "SELECT id, at FROM exports WHERE type = '月告知' AND period = ? AND institution = ? ORDER BY at DESC LIMIT 1",
      period,
      institution,
    );
    out.push({ period, title: doc.title, blocks, exported: exported ?? null });
  }
  return out;
}

function comments(db: ReadableDb, institution: string, from: string, to: string): PackComment[] {
  return listComments(db, { institution })
    .filter((c) => !c.period || (monthsOf(c.period).last >= from && monthsOf(c.period).first <= to))
    .map((c) => ({
      id: c.id,
      kind: c.kind,
      category: c.category,
      text: c.text,
      period: c.period,
      status: c.status,
      department: c.department,
      dueDate: c.dueDate,
      answer: c.answer,
      createdAt: c.createdAt,
    }));
}

function evaluations(ctx: PackContext, institution: string, from: string, to: string, catalog: ReturnType<typeof loadIndicators>): PackEvaluation[] {
  const out: PackEvaluation[] = [];
  const seen = new Set<string>();
  for (const r of ctx.rankings()) {
    const m = monthsOf(r.period);
    if (m.first < from || m.last > to || seen.has(r.period)) continue;
    seen.add(r.period); // the newest publication of a period (listRankings is newest first)
    const mine = r.results.find((x) => x.institution === institution);
    if (!mine) continue;
    out.push({
      period: r.period,
      publishedAt: r.publishedAt,
      total: mine.total,
      rank: mine.rank,
      of: mine.of,
      level: mine.level,
      items: mine.items.map((it) => ({
        indicatorName: catalog.get(it.indicator)?.name ?? it.indicator,
        unit: catalog.get(it.indicator)?.unit ?? '',
        value: it.value,
        score: it.score,
        weight: it.weight,
        basis: it.basis,
      })),
    });
  }
  return out.sort((a, b) => (a.period < b.period ? -1 : 1));
}
