// Figures the rules name beyond the official table (issue 31): per hospital and month DRG/DIP grouping, advance
// payments, the hospital's global budget, 特例单议 settlement, 除外支付, examination and drug costs; per region
// cross-region care and the monthly settlement and annual 清算. Kept apart from indicators.ts (the official table).

import { domain } from './domains';
import type { IndicatorDef, Unit } from './indicator-types';

const SETTLE = '统筹地区结算数据';
const SETTLE_PLATFORM = '统筹地区结算数据/医保信息平台';
const BUDGET = '统筹地区年度预算数据';

/**
 * What the rules name beyond the official table (issue 31; 004's 月告知/季公告, 001's 年通报 items 4, 7–9, 003's
 * cost structure): DRG/DIP grouping, advance payments, the hospital's own global budget, 特例单议 settlement,
 * 除外支付, examination and drug costs, cross-region care and settlement. Each is optional in a package: a report
 * item whose figure was never filed says so in one line (docs/data-package.md, *Further figures*).
 */
const fig = (code: string, name: string, group: string, unit: Unit, extra: Partial<IndicatorDef> = {}): IndicatorDef => ({
  code,
  name,
  group,
  parent: null,
  frequency: '月',
  source: SETTLE_PLATFORM,
  perInstitution: true,
  unit,
  additive: unit !== '%',
  domain: domain(unit === '%' ? 'share' : unit === '万元' ? 'amount' : 'count'),
  official: false,
  ...extra,
});
/** a region's figure of cross-region care (filed on 地区指标, not per hospital) */
const remote = (code: string, name: string, unit: Unit, aliases: string[]) =>
  fig(code, name, '异地就医', unit, { source: SETTLE, perInstitution: false, aliases });

export const FURTHER_INDICATORS: readonly IndicatorDef[] = [
  fig('DRG_GROUPED_CASES', 'DRG/DIP入组病例数', 'DRG/DIP支付方式', '例', {
    parent: 'SVC_DISCHARGES',
    aliases: ['入组病例数', '病组入组病例数', 'DRG入组病例数', 'DIP入组病例数'],
  }),
  fig('DRG_GROUPED_RATE', 'DRG/DIP入组率', 'DRG/DIP支付方式', '%', {
    formula: { kind: 'ratio', numerator: 'DRG_GROUPED_CASES', denominator: 'SVC_DISCHARGES', scale: 1 },
    weightedBy: 'SVC_DISCHARGES',
    bounded01: true,
    domain: domain('share', [0.5, 1]),
    aliases: ['入组率', '病组入组率'],
  }),
  fig('FUND_PREPAY', '基金预拨（预付）金额', '基金支出', '万元', {
    source: SETTLE,
    aliases: ['费用预拨金额', '预拨金额', '预付金额', '基金预付金额', '预拨资金'],
  }),
  fig('INST_BUDGET', '机构年度总额预算', '基金预算', '万元', {
    frequency: '年',
    source: BUDGET,
    aliases: ['总额预算', '医疗机构总额预算', '年度总额预算', '总额预算指标'],
  }),
  fig('SC_SETTLED', '特例单议结算病例数', 'DRG/DIP支付方式', '例', {
    frequency: '半年',
    parent: 'SC_APPROVED',
    aliases: ['特例单议结算例数', '特病单议结算病例数'],
  }),
  fig('SC_SETTLED_AMOUNT', '特例单议结算金额', 'DRG/DIP支付方式', '万元', { frequency: '半年', aliases: ['特病单议结算金额'] }),
  fig('EXCL_PAY', '除外支付金额', 'DRG/DIP支付方式', '万元', { source: SETTLE, aliases: ['除外支付', '除外支付费用'] }),
  fig('SVC_TOTAL_COST', '医疗总费用', '医疗机构服务情况', '万元', { source: SETTLE, aliases: ['医疗费用总额', '医疗费用合计'] }),
  fig('SVC_EXAM_COST', '住院检查检验费用', '医疗机构服务情况', '万元', { source: SETTLE, parent: 'SVC_IP_COST', aliases: ['检查检验费用', '检查检验费'] }),
  fig('SVC_DRUG_COST', '住院药品费用', '医疗机构服务情况', '万元', { source: SETTLE, parent: 'SVC_IP_COST', aliases: ['药品费用', '药品费'] }),
  fig('SVC_EXAM_SHARE', '检查检验费用占比', '医疗机构服务情况', '%', {
    formula: { kind: 'ratio', numerator: 'SVC_EXAM_COST', denominator: 'SVC_IP_COST', scale: 1 },
    weightedBy: 'SVC_IP_COST',
    bounded01: true,
    domain: domain('share', [0.05, 0.6]),
    aliases: ['检查检验占比'],
  }),
  fig('SVC_DRUG_SHARE', '药品费用占比', '医疗机构服务情况', '%', {
    formula: { kind: 'ratio', numerator: 'SVC_DRUG_COST', denominator: 'SVC_IP_COST', scale: 1 },
    weightedBy: 'SVC_IP_COST',
    bounded01: true,
    domain: domain('share', [0.05, 0.6]),
    aliases: ['药占比'],
  }),
  fig('SETTLE_MONTHLY', '月度结算金额', '结算清算', '万元', { source: SETTLE, aliases: ['月结算金额', '月度结算'] }),
  fig('SETTLE_ANNUAL', '年度清算金额', '结算清算', '万元', { source: SETTLE, frequency: '年', aliases: ['年度清算', '清算金额'] }),
  remote('REMOTE_OUT_CASES', '本地参保人异地就医人次', '人次', ['异地就医人次（参保地）', '转外就医人次']),
  remote('REMOTE_OUT_AMOUNT', '本地参保人异地就医基金支付', '万元', ['异地就医基金支付（参保地）']),
  remote('REMOTE_IN_CASES', '异地参保人来本地就医人次', '人次', ['异地就医人次（就医地）', '异地来本地就医人次']),
  remote('REMOTE_IN_AMOUNT', '异地参保人来本地就医基金支付', '万元', ['异地就医基金支付（就医地）']),
];
