// The seed rule, declared before freezing and published in the announcement: the public source of
// the seed, how many numbers, how many digits each, in which order. At the meeting only a seed of
// exactly this shape is accepted, so nobody can choose among spellings after seeing the outcome.

import type { SeedRuleView } from '../../../../shared/domain/members';
import { MIN_SEED_DIGITS, seedRuleBits, seedRuleProblems } from '../../../../shared/draw/seed-rule';

export const DEFAULT_SEED_RULE: SeedRuleView = { source: '', count: 7, digits: 2, order: '按开奖顺序（红球在前、蓝球在后）' };

export function SeedRuleForm({ rule, onChange }: { rule: SeedRuleView; onChange: (r: SeedRuleView) => void }) {
  const problems = seedRuleProblems(rule);
  return (
    <div className="seed-rule" data-testid="seed-rule">
      <div className="form-row">
        <input
          className="grow"
          placeholder="随机种子的公开来源，如：福利彩票“双色球”2025年第130期开奖号码"
          value={rule.source}
          onChange={(e) => onChange({ ...rule, source: e.target.value })}
          data-testid="seed-source"
        />
        <label>
          号码个数
          <input
            type="number"
            min={1}
            max={40}
            value={rule.count}
            onChange={(e) => onChange({ ...rule, count: Number(e.target.value) })}
            data-testid="seed-count"
          />
        </label>
        <label>
          每个号码位数
          <input
            type="number"
            min={1}
            max={6}
            value={rule.digits}
            onChange={(e) => onChange({ ...rule, digits: Number(e.target.value) })}
            data-testid="seed-digits"
          />
        </label>
        <input
          placeholder="录入顺序，如：按开奖顺序"
          value={rule.order}
          onChange={(e) => onChange({ ...rule, order: e.target.value })}
          data-testid="seed-order"
        />
      </div>
      <div className={problems.length ? 'muted warn' : 'muted'} data-testid="seed-rule-note">
        {problems.length
          ? problems.join('；')
          : `共 ${rule.count * rule.digits} 位数字，至多约 ${seedRuleBits(rule)} 比特（至少 ${MIN_SEED_DIGITS} 位数字）。抽选时只接受这一种写法。`}
      </div>
    </div>
  );
}
