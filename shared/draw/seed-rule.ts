// The seed rule of a v2 draw, declared in the announcement before the seed exists: where the seed
// comes from (a named lottery issue, witnesses' dice), how many numbers, how many digits each, in
// which order. The seed typed at the meeting must have exactly that shape, so there is one
// spelling of it and nobody can choose among spellings after seeing the outcome. Pure: used by the
// service and by the form that checks the seed as it is typed.

import { canonicalSeed } from './canonical';

export interface SeedRule {
  /** the public source, named in advance: 福利彩票“双色球”2025年第130期开奖号码（含蓝球） */
  source: string;
  /** how many numbers */
  count: number;
  /** digits per number (leading zeros written: 3 → 03) */
  digits: number;
  /** the order the numbers are entered in: 按开奖顺序 */
  order: string;
}

/** The floor: at least this many decimal digits, i.e. at most log2(10) ≈ 3.32 bits each (docs/draw-algorithm.md §5). */
export const MIN_SEED_DIGITS = 10;

/** The most bits the declared shape can carry (a lottery or dice carry fewer; see the doc's table). */
export const seedRuleBits = (r: Pick<SeedRule, 'count' | 'digits'>) => Math.floor(r.count * r.digits * Math.log2(10));

/** Problems with the rule itself, in Chinese; none when it can be announced. */
export function seedRuleProblems(r: SeedRule): string[] {
  const out: string[] = [];
  if (!r.source.trim()) out.push('请写明随机种子的公开来源，例如“福利彩票双色球2025年第130期开奖号码”');
  if (!Number.isInteger(r.count) || r.count < 1 || r.count > 40) out.push('号码个数应为 1—40 的整数');
  if (!Number.isInteger(r.digits) || r.digits < 1 || r.digits > 6) out.push('每个号码的位数应为 1—6 的整数');
  if (!r.order.trim()) out.push('请写明号码的录入顺序，例如“按开奖顺序”');
  if (out.length === 0 && r.count * r.digits < MIN_SEED_DIGITS)
    out.push(
      `随机种子共 ${r.count * r.digits} 位数字，少于 ${MIN_SEED_DIGITS} 位（约 ${seedRuleBits({ count: 1, digits: MIN_SEED_DIGITS })} 比特），太容易猜中或安排`,
    );
  return out;
}

/** The seed in its one canonical form when it has the declared shape; else why not. */
export function checkSeed(input: string, r: SeedRule): { canonical: string } | { error: string } {
  const tokens = canonicalSeed(input).split('-').filter(Boolean);
  const shape = `${r.count} 个号码、每个 ${r.digits} 位数字（不足位数前面补 0）`;
  if (tokens.length !== r.count) return { error: `随机种子应为${shape}，现在是 ${tokens.length} 个` };
  const bad = tokens.find((t) => !/^[0-9]+$/.test(t) || t.length !== r.digits);
  if (bad !== undefined) return { error: `“${bad}”不是 ${r.digits} 位数字：随机种子应为${shape}` };
  return { canonical: tokens.join('-') };
}

/** For the form: the canonical form, or why the seed does not fit (bad), or nothing yet. */
export function describeSeedCheck(c: ReturnType<typeof checkSeed> | null): { text: string; bad: boolean } {
  if (!c) return { text: '', bad: true };
  return 'error' in c ? { text: c.error, bad: true } : { text: `规范形式：${c.canonical}`, bad: false };
}
