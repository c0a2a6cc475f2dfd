// Budgets against their own year. The official table's budgets are 下一年度预算: a package files,
// with year Y's figures, the budget of year Y+1 (the catalog marks them `budgetFor: 'nextYear'`).
// So year Y's budget is the value filed under Y−1, and a budget filed under Y is kept for Y+1 —
// never used as Y's own. Execution is the year's cumulative spending ÷ that year's budget, set
// against the share of the year gone (序时进度); over 100% is over budget, by an amount.

import { builtinIndicator } from './catalog/indicators';

/** The year whose budget a value of this indicator filed under `filedYear` is. */
export function budgetedYear(code: string, filedYear: number): number {
  return builtinIndicator(code)?.budgetFor === 'nextYear' ? filedYear + 1 : filedYear;
}

/** The year under which the budget of `year` is filed. */
export function filingYear(code: string, year: number): number {
  return builtinIndicator(code)?.budgetFor === 'nextYear' ? year - 1 : year;
}

export interface BudgetExecution {
  /** the year budgeted and spent in */
  year: string;
  /** the year the budget was filed under (下一年度预算 of the year before) */
  filedIn: string;
  /** 万元 */
  budget: number;
  /** the year's spending from January to `through`, 万元 */
  spent: number;
  /** the last month counted (YYYY-MM) */
  through: string;
  /** spent ÷ budget */
  share: number;
  /** months gone ÷ 12 */
  elapsed: number;
  /** spending beyond the budget, 万元 (null when within it) */
  over: number | null;
  level: 'ok' | 'warn' | 'error';
  /** in words, when not ok: 超预算 1.69亿元…; 超出序时进度 4.5 个百分点 */
  alert: string | null;
}

/** Execution judged: over budget is red with the amount; ahead of time progress by more than 10 points red, by less yellow. */
export function judgeExecution(e: Omit<BudgetExecution, 'share' | 'elapsed' | 'over' | 'level' | 'alert'>, amount: (wan: number) => string): BudgetExecution {
  const share = e.spent / e.budget;
  const elapsed = Number(e.through.slice(5)) / 12;
  const over = e.spent > e.budget ? e.spent - e.budget : null;
  const ahead = share - elapsed;
  const points = `${(ahead * 100).toFixed(1)} 个百分点`;
  if (over !== null)
    return { ...e, share, elapsed, over, level: 'error', alert: `超预算 ${amount(over)}（执行率 ${(share * 100).toFixed(2)}%，超出序时进度 ${points}）` };
  if (ahead > 0) return { ...e, share, elapsed, over, level: ahead > 0.1 ? 'error' : 'warn', alert: `超出序时进度 ${points}` };
  return { ...e, share, elapsed, over, level: 'ok', alert: null };
}
