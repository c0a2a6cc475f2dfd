// The official indicator table (辽宁省医保数据工作组工作规则 附表; ../shared/domain/indicators.csv),
// 7 groups and 45 indicators, with stable codes, units and formulas. Codes never change once
// released: workspaces and data packages refer to them. A package may declare further regional
// indicators (see docs/data-package.md); those live in the workspace, not here.

import { domain, domainFromUnit, type ValueDomain } from './domains';

export type { Unit, Frequency, Formula, IndicatorDef } from './indicator-types';
import type { Unit, Frequency, IndicatorDef } from './indicator-types';
import { FURTHER_INDICATORS } from './further-indicators';

const FUND = '医保基金报表';
const SETTLE = '统筹地区结算数据';
const PLATFORM = '医保信息平台';
const SETTLE_PLATFORM = '统筹地区结算数据/医保信息平台';
const BUDGET = '统筹地区年度预算数据';

type Row = Omit<IndicatorDef, 'official' | 'additive'> & { additive?: boolean };

const amount = (code: string, name: string, group: string, parent: string | null, frequency: Frequency, source: string, extra: Partial<Row> = {}): Row => ({
  code,
  name,
  group,
  parent,
  frequency,
  source,
  perInstitution: false,
  unit: '万元',
  additive: true,
  domain: domain('amount'),
  ...extra,
});
const share = (code: string, name: string, group: string, parent: string | null, frequency: Frequency, source: string, extra: Partial<Row> = {}): Row => ({
  code,
  name,
  group,
  parent,
  frequency,
  source,
  perInstitution: true,
  unit: '%',
  additive: false,
  bounded01: true,
  domain: domain('share'),
  ...extra,
});

const ROWS: Row[] = [
  // 基金收入
  amount('FI_TOTAL', '收入合计', '基金收入', null, '月', FUND, { childRelation: 'sum', formula: { kind: 'sum', of: ['FI_EMP', 'FI_RES'] } }),
  amount('FI_EMP', '职工医保基金收入', '基金收入', 'FI_TOTAL', '月', FUND, {
    childRelation: 'sum',
    formula: { kind: 'sum', of: ['FI_EMP_CONTRIB', 'FI_EMP_OTHER'] },
  }),
  amount('FI_EMP_CONTRIB', '职工医保征缴收入', '基金收入', 'FI_EMP', '月', FUND),
  amount('FI_EMP_OTHER', '职工医保其他收入', '基金收入', 'FI_EMP', '月', FUND),
  amount('FI_RES', '居民医保基金收入', '基金收入', 'FI_TOTAL', '月', FUND, {
    childRelation: 'sum',
    formula: { kind: 'sum', of: ['FI_RES_PERSONAL', 'FI_RES_SUBSIDY'] },
  }),
  amount('FI_RES_PERSONAL', '居民医保个人缴费', '基金收入', 'FI_RES', '月', FUND),
  amount('FI_RES_SUBSIDY', '居民医保财政补助和其他收入', '基金收入', 'FI_RES', '月', FUND),
  // 基金支出
  amount('FE_TOTAL', '支出合计', '基金支出', null, '月', FUND, { childRelation: 'sum', formula: { kind: 'sum', of: ['FE_EMP', 'FE_RES'] } }),
  amount('FE_EMP', '职工医保基金支出', '基金支出', 'FE_TOTAL', '月', FUND, { childRelation: 'subset' }),
  amount('FE_EMP_POOLED', '职工医保统筹基金支出', '基金支出', 'FE_EMP', '月', FUND, { perInstitution: true, childRelation: 'subset' }),
  amount('FE_EMP_POOLED_IP', '职工医保住院统筹基金支出', '基金支出', 'FE_EMP_POOLED', '月', SETTLE, { perInstitution: true }),
  amount('FE_RES', '居民医保基金支出', '基金支出', 'FE_TOTAL', '月', FUND, { childRelation: 'subset' }),
  amount('FE_RES_POOLED_IP', '居民医保住院统筹基金支出', '基金支出', 'FE_RES', '月', SETTLE, { perInstitution: true }),
  share('FE_PAYMENT_RATE', '医保基金支付率', '基金支出', null, '半年/年', FUND, { domain: domain('share', [0.2, 1]) }),
  // 基金结余
  amount('FB_TOTAL', '结余合计', '基金结余', null, '月', FUND, {
    childRelation: 'sum',
    domain: domain('balance'),
    formula: { kind: 'difference', minuend: 'FI_TOTAL', subtrahend: 'FE_TOTAL' },
  }),
  amount('FB_EMP', '职工医保结余', '基金结余', 'FB_TOTAL', '月', FUND, {
    formula: { kind: 'difference', minuend: 'FI_EMP', subtrahend: 'FE_EMP' },
    domain: domain('balance'),
  }),
  amount('FB_EMP_POOLED_CUR', '职工医保统筹基金当期结余', '基金结余', 'FB_EMP', '月', FUND, { domain: domain('balance') }),
  amount('FB_EMP_POOLED_ACC', '职工医保统筹基金累计结余', '基金结余', 'FB_EMP', '年', FUND, { additive: false, domain: domain('balance') }),
  amount('FB_RES', '居民医保结余', '基金结余', 'FB_TOTAL', '月', FUND, {
    formula: { kind: 'difference', minuend: 'FI_RES', subtrahend: 'FE_RES' },
    domain: domain('balance'),
  }),
  amount('FB_RES_CUR', '居民医保当期结余', '基金结余', 'FB_RES', '月', FUND, {
    formula: { kind: 'difference', minuend: 'FI_RES', subtrahend: 'FE_RES' },
    domain: domain('balance'),
  }),
  amount('FB_RES_ACC', '居民医保累计结余', '基金结余', 'FB_RES', '年', FUND, { additive: false, domain: domain('balance') }),
  // 城乡医疗救助
  amount('MA_INCOME', '医疗救助基金收入', '城乡医疗救助', null, '季度', FUND),
  amount('MA_EXPENSE', '医疗救助支出(不含资助参保)', '城乡医疗救助', null, '季度', FUND),
  // 下一年度统筹地区医保预算总额: filed under year Y, the budget of year Y+1 (budgetFor)
  amount('BUD_IP', '住院统筹基金预算总额', '下一年度统筹地区医保预算总额', null, '年', BUDGET, { budgetFor: 'nextYear' }),
  amount('BUD_OP', '门诊统筹基金预算总额', '下一年度统筹地区医保预算总额', null, '年', BUDGET, { budgetFor: 'nextYear' }),
  amount('BUD_DRG', '按DRG/DIP付费统筹基金预算总额', '下一年度统筹地区医保预算总额', null, '年', BUDGET, { budgetFor: 'nextYear' }),
  amount('BUD_OTHER', '其他预算', '下一年度统筹地区医保预算总额', null, '年', BUDGET, { budgetFor: 'nextYear' }),
  // DRG/DIP支付方式
  share('DRG_LIST_UPLOAD', '医保结算清单上传率', 'DRG/DIP支付方式', null, '月', PLATFORM, { weightedBy: 'SVC_DISCHARGES', domain: domain('share', [0.5, 1]) }),
  share('DRG_LIST_QC', '医保结算清单质控通过率', 'DRG/DIP支付方式', null, '月', PLATFORM, { weightedBy: 'SVC_DISCHARGES', domain: domain('share', [0.5, 1]) }),
  share('DRG_SETTLED_SHARE', 'DRG/DIP结算人次占比', 'DRG/DIP支付方式', null, '月', SETTLE_PLATFORM, { weightedBy: 'SVC_DISCHARGES' }),
  share('DRG_STANDARD_SHARE', '按DRG/DIP付费标准结算人次占比', 'DRG/DIP支付方式', 'DRG_SETTLED_SHARE', '月', SETTLE_PLATFORM, {
    formula: { kind: 'groupShare', field: 'casesStandard' },
    domain: domain('share', [0.5, 1]),
  }),
  share('DRG_ACTUAL_SHARE', 'DRG/DIP病例中据实结算人次占比', 'DRG/DIP支付方式', 'DRG_SETTLED_SHARE', '月', SETTLE_PLATFORM, {
    formula: { kind: 'groupShare', field: 'casesActual' },
    domain: domain('share', [0, 0.3]),
  }),
  {
    code: 'SC_SUBMITTED',
    name: '特例单议申报病例数量',
    group: 'DRG/DIP支付方式',
    parent: null,
    childRelation: 'subset',
    frequency: '半年',
    source: SETTLE_PLATFORM,
    perInstitution: true,
    unit: '例',
    domain: domain('count'),
    additive: true,
  },
  {
    code: 'SC_APPROVED',
    name: '特例单议审核通过病例数量',
    group: 'DRG/DIP支付方式',
    parent: 'SC_SUBMITTED',
    childRelation: 'subset',
    frequency: '半年',
    source: SETTLE_PLATFORM,
    perInstitution: true,
    unit: '例',
    domain: domain('count'),
    additive: true,
  },
  share('SC_SHARE', '特例单议病例数占出院病例数的比例', 'DRG/DIP支付方式', null, '半年', SETTLE_PLATFORM, {
    formula: { kind: 'ratio', numerator: 'SC_SUBMITTED', denominator: 'SVC_DISCHARGES', scale: 1 },
    domain: domain('share', [0, 0.2]),
  }),
  // 医疗机构服务情况
  amount('SVC_IP_COST', '住院总费用', '医疗机构服务情况', null, '月', SETTLE, { perInstitution: true, childRelation: 'subset' }),
  {
    code: 'SVC_COST_PER_STAY',
    name: '次均住院费用',
    group: '医疗机构服务情况',
    parent: null,
    frequency: '月',
    source: SETTLE,
    perInstitution: true,
    unit: '元',
    domain: domain('amount'),
    additive: false,
    formula: { kind: 'ratio', numerator: 'SVC_IP_COST', denominator: 'SVC_DISCHARGES', scale: 10000 },
  },
  {
    code: 'SVC_OP_VISITS',
    name: '门诊人次',
    group: '医疗机构服务情况',
    parent: null,
    frequency: '月',
    source: SETTLE,
    perInstitution: true,
    unit: '人次',
    domain: domain('count'),
    additive: true,
  },
  {
    code: 'SVC_DISCHARGES',
    name: '出院人次',
    group: '医疗机构服务情况',
    parent: null,
    childRelation: 'subset',
    frequency: '月',
    source: SETTLE,
    perInstitution: true,
    unit: '人次',
    domain: domain('count'),
    additive: true,
  },
  {
    code: 'SVC_OP_IP_RATIO',
    name: '门诊住院人次比',
    group: '医疗机构服务情况',
    parent: null,
    frequency: '月',
    source: SETTLE,
    perInstitution: true,
    unit: '比值',
    domain: domain('ratio'),
    additive: false,
    formula: { kind: 'ratio', numerator: 'SVC_OP_VISITS', denominator: 'SVC_DISCHARGES', scale: 1 },
  },
  {
    code: 'SVC_DISCHARGE_GROWTH',
    name: '出院人次增长率',
    group: '医疗机构服务情况',
    parent: null,
    frequency: '月',
    source: SETTLE,
    perInstitution: true,
    unit: '%',
    domain: domain('growth', [-0.5, 1]),
    additive: false,
    formula: { kind: 'growth', of: 'SVC_DISCHARGES' },
  },
  share('SVC_HOSP_RATE', '住院率', '医疗机构服务情况', null, '半年', SETTLE, { domain: domain('share', [0, 0.5]) }),
  {
    code: 'SVC_TIME_INDEX',
    name: '时间消耗指数',
    group: '医疗机构服务情况',
    parent: null,
    frequency: '月',
    source: SETTLE,
    perInstitution: true,
    unit: '指数',
    domain: domain('index', [0.2, 5]),
    additive: false,
    formula: { kind: 'drgIndex', measure: 'time' },
  },
  {
    code: 'SVC_COST_INDEX',
    name: '费用消耗指数',
    group: '医疗机构服务情况',
    parent: null,
    frequency: '月',
    source: SETTLE,
    perInstitution: true,
    unit: '指数',
    domain: domain('index', [0.2, 5]),
    additive: false,
    formula: { kind: 'drgIndex', measure: 'cost' },
  },
  share('SVC_OOP_SHARE', '医保外费用占比', '医疗机构服务情况', null, '月', SETTLE, { weightedBy: 'SVC_IP_COST', domain: domain('share', [0, 0.6]) }),
];

/** The 45 indicators of the official table, in the table's order. */
export const OFFICIAL_INDICATORS: readonly IndicatorDef[] = ROWS.map((r) => ({ additive: false, ...r, official: true }));

/** Built-in indicators beyond the official table that the charts need. */
export const EXTRA_INDICATORS: readonly IndicatorDef[] = [
  // published in every annual fund bulletin beside the pooled fund's balance (统筹基金 + 个人账户)
  {
    code: 'FB_EMP_ACC',
    name: '职工医保累计结余',
    group: '基金结余',
    parent: 'FB_EMP',
    frequency: '年',
    source: FUND,
    perInstitution: false,
    unit: '万元',
    domain: domain('balance'),
    additive: false,
    official: false,
    aliases: ['职工医保基金累计结余', '职工基本医疗保险基金累计结余', '职工医保累计结存'],
  },
  {
    code: 'DRG_CMI',
    name: '病例组合指数(CMI)',
    group: 'DRG/DIP支付方式',
    parent: null,
    frequency: '月',
    source: SETTLE,
    perInstitution: true,
    unit: '指数',
    domain: domain('index', [0.1, 5]),
    additive: false,
    formula: { kind: 'cmi' },
    official: false,
  },
];

/** Bulletin wordings of official figures (医保基金运行情况通报, 统计公报). */
const ALIASES: Record<string, readonly string[]> = {
  FI_TOTAL: ['医保基金收入合计', '基金收入合计', '基本医保基金收入', '基本医疗保险基金收入'],
  FI_EMP: ['职工医保收入', '职工基本医疗保险基金收入', '职工医保基金总收入'],
  FI_RES: ['居民医保收入', '居民基本医疗保险基金收入', '城乡居民医保基金收入', '居民医保基金总收入'],
  FE_TOTAL: ['医保基金支出合计', '基金支出合计', '基本医保基金支出', '基本医疗保险基金支出'],
  FE_EMP: ['职工医保支出', '职工基本医疗保险基金支出', '职工医保基金总支出'],
  FE_RES: ['居民医保支出', '居民基本医疗保险基金支出', '城乡居民医保基金支出', '居民医保基金总支出'],
  FB_TOTAL: ['基金结余合计', '当期结余合计', '医保基金当期结余', '基本医保基金当期结余'],
  FB_EMP: ['职工医保当期结余', '职工医保基金当期结余', '职工医保基金结余'],
  FB_RES: ['居民医保基金结余'],
  FB_RES_CUR: ['居民医保基金当期结余', '城乡居民医保基金当期结余'],
  FB_RES_ACC: ['居民医保基金累计结余', '城乡居民医保基金累计结余'],
  FB_EMP_POOLED_ACC: ['职工医保统筹基金累计结存'],
};

export const BUILTIN_INDICATORS: readonly IndicatorDef[] = [...OFFICIAL_INDICATORS, ...EXTRA_INDICATORS, ...FURTHER_INDICATORS].map((d) =>
  ALIASES[d.code] ? { ...d, aliases: ALIASES[d.code] } : d,
);

export const INDICATOR_GROUPS: readonly string[] = [...new Set(OFFICIAL_INDICATORS.map((i) => i.group))];

/** Indicators a template's region sheet offers: supplied figures and the bulletin's totals (sums, balances). */
export function suppliedInRegionSheet(d: IndicatorDef): boolean {
  return !d.formula || d.formula.kind === 'sum' || d.formula.kind === 'difference';
}

const BY_CODE = new Map(BUILTIN_INDICATORS.map((i) => [i.code, i]));
export function builtinIndicator(code: string): IndicatorDef | undefined {
  return BY_CODE.get(code);
}

/** An indicator's domain: its own, the built-in one of its code, or one from its unit (a region's own indicator). */
export function domainOf(d: Pick<IndicatorDef, 'code' | 'name' | 'unit' | 'domain'>): ValueDomain {
  return d.domain ?? BY_CODE.get(d.code)?.domain ?? domainFromUnit(d.unit, d.name);
}

export const UNITS: readonly Unit[] = ['元', '万元', '%', '人次', '例', '比值', '指数'];

/** Factor to convert a value given in `from` into the indicator's unit `to` (元↔万元; %↔fraction). */
export function unitFactor(from: string, to: Unit): number | null {
  const f = from.trim();
  if (f === '' || f === to) return 1;
  if (to === '万元' && f === '元') return 1 / 10000;
  if (to === '元' && f === '万元') return 10000;
  if (to === '万元' && f === '亿元') return 10000;
  if ((to === '人次' || to === '例') && (f === '人次' || f === '例' || f === '人' || f === '次')) return 1;
  return null;
}
