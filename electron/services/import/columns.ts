// Recognising a package's columns and institution attributes as data staff really write them:
// the aliases of the key columns, levels (三甲, 二级甲等 …) and payment methods.

import type { InstitutionLevel, PaymentMethod } from '../../../shared/domain/types';
import { toHalfWidth } from '../../../shared/period';

export interface HeaderCol {
  name: string;
  unit: string;
  raw: string;
}

export const ALIASES: Record<string, string[]> = {
  code: ['机构编码', '定点医药机构编码', '定点医疗机构编码', '医疗机构编码', '医药机构编码'],
  name: ['机构名称', '定点医药机构名称', '定点医疗机构名称', '医疗机构名称'],
  level: ['级别', '机构级别', '医院级别', '医疗机构级别'],
  type: ['类型', '机构类型', '医疗机构类型'],
  ownership: ['所有制', '所有制形式', '经济类型', '举办主体'],
  payment: ['支付方式', '付费方式', 'DRG/DIP', '参与DRG/DIP'],
  period: ['期间', '统计期间', '年月', '月份', '年度', '填报年度', '数据期间'],
  scheme: ['付费类型', '分组方案', '病组类型', '付费方式'],
  groupCode: ['病组编码', '分组编码', '病种编码', 'DRG编码', 'DIP编码'],
  groupName: ['病组名称', '分组名称', '病种名称', 'DRG名称', 'DIP名称'],
  cases: ['病例数', '入组病例数', '出院病例数'],
  totalCost: ['总费用', '医疗总费用', '住院总费用'],
  bedDays: ['总床日', '床日数', '总住院床日'],
  weight: ['权重', '基准点数', '权重/基准点数', 'RW', '病种分值'],
  selfPay: ['自费费用', '自付费用', '自费金额'],
  casesStandard: ['按标准结算病例数', '标准结算病例数'],
  casesActual: ['据实结算病例数'],
  indCode: ['指标编码', '编码'],
  indName: ['指标名称', '指标'],
  indGroup: ['分组', '指标分组', '项目'],
  indParent: ['上级指标', '上级指标编码'],
  indUnit: ['单位'],
  indFreq: ['频次', '公布频次', '建议公开频次'],
  indPerInst: ['分机构公布', '按机构公布'],
  metaKey: ['项目', '键'],
  metaValue: ['内容', '值'],
};

export function findColumn(header: { name: string }[], field: keyof typeof ALIASES): number {
  const names = ALIASES[field]!;
  return header.findIndex((h) => names.includes(h.name));
}

const LEVEL_WORDS: [RegExp, InstitutionLevel][] = [
  [/^(三级|三甲|三乙|三丙|三级[甲乙丙]等|3级)/, '三级'],
  [/^(二级|二甲|二乙|二丙|二级[甲乙丙]等|2级)/, '二级'],
  [/^(一级|一甲|一乙|一丙|一级[甲乙丙]等|1级)/, '一级'],
  [/^(基层|社区|乡镇|村卫生室|诊所|基层医疗卫生机构)/, '基层'],
  [/^(未定级|无级别|未评级)/, '未定级'],
];

export function parseLevel(text: string): InstitutionLevel | null {
  const s = toHalfWidth(text);
  for (const [re, level] of LEVEL_WORDS) if (re.test(s)) return level;
  return null;
}

export function parsePayment(s: string): PaymentMethod | null {
  const u = toHalfWidth(s).toUpperCase();
  if (u === '' || u === '否' || u === '无' || u === '未参与') return '否';
  if (u.includes('DRG')) return 'DRG';
  if (u.includes('DIP')) return 'DIP';
  return null;
}

export const FREQS = ['月', '季度', '半年', '半年/年', '年'] as const;
