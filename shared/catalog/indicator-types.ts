// The shape of a catalog indicator, apart from the catalog itself, so that the official table
// (indicators.ts) and the further figures the rules name (further-indicators.ts) depend on it one way.

import type { ValueDomain } from './domains';

export type Unit = '元' | '万元' | '%' | '人次' | '例' | '比值' | '指数';
export type Frequency = '月' | '季度' | '半年' | '半年/年' | '年';

/** How a derived indicator is computed. Percent values are stored as fractions (0.853 = 85.3%). */
export type Formula =
  | { kind: 'sum'; of: string[] }
  | { kind: 'difference'; minuend: string; subtrahend: string }
  /** numerator/denominator × scale; additive operands are summed over the period's months */
  | { kind: 'ratio'; numerator: string; denominator: string; scale: number }
  /** growth against the same period last year: (x − x₋₁)/x₋₁ */
  | { kind: 'growth'; of: string }
  /** cost or time consumption index from DRG/DIP group rows */
  | { kind: 'drgIndex'; measure: 'cost' | 'time' }
  /** share of a group-row field in all group cases (e.g. cases paid at actual cost) */
  | { kind: 'groupShare'; field: 'casesActual' | 'casesStandard' }
  /** case-mix index Σ(weight × cases)/Σcases from group rows */
  | { kind: 'cmi' };

export interface IndicatorDef {
  code: string;
  name: string;
  group: string;
  /** code of the parent indicator (the table's 其中/（一）(二) structure) */
  parent: string | null;
  /** how this indicator's children relate to it: parts that add up, or parts that cannot exceed it */
  childRelation?: 'sum' | 'subset';
  frequency: Frequency;
  source: string;
  /** published per institution as well as region-wide (the table's *) */
  perInstitution: boolean;
  unit: Unit;
  formula?: Formula;
  /** sums over months and institutions make sense (amounts, counts) */
  additive: boolean;
  /** a share that must lie in [0, 1] (stored per workspace; the import reads `domain`) */
  bounded01?: boolean;
  /** the values it can take and those real data takes (every built-in has one; see domainOf) */
  domain?: ValueDomain;
  /** for a share reported per institution: the region value is the mean weighted by this indicator */
  weightedBy?: string;
  /** true for the 45 rows of the official table */
  official: boolean;
  /** other names the same figure goes by in fund bulletins and reports (accepted as column names) */
  aliases?: readonly string[];
  /**
   * a budget (下一年度预算): the value filed under year Y budgets year Y+1 (the official table
   * publishes next year's budget with the year's figures); shared/budget.ts reads it so
   */
  budgetFor?: 'nextYear';
}
