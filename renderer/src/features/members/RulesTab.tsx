import { useEffect, useState } from 'react';
import type { DrawRulesView } from '../../../../shared/domain/members';
import { api } from '../../api';
import { type Run } from './run';
import { useApi } from '../../data/use-api';
import { INSTITUTION_TYPES } from '../../../../shared/draw/institution-types';

export function RulesTab({ run }: { run: Run }) {
  const loaded = useApi('draw.rules', {});
  const [rules, setRules] = useState<DrawRulesView | null>(null);
  const [extra, setExtra] = useState('');
  useEffect(() => {
    setRules(loaded.data);
    setExtra((loaded.data?.types ?? []).filter((t) => !(INSTITUTION_TYPES as readonly string[]).includes(t)).join('、'));
  }, [loaded.data]);
  if (!rules) return null;
  const num = (v: string) => Math.max(0, Math.floor(Number(v) || 0));
  return (
    <div className="card" data-testid="rules-form">
      <h3>抽选规则</h3>
      <p className="muted">
        默认值依据《辽宁省医保数据工作组工作规则》第四条：医院代表不少于8人，三级医院不少于2人，二级医院不少于3人，一级医院及基层医疗卫生机构不少于3人，同一机构至多1人，覆盖不同级别、不同类型的机构。统筹区可按实施细则调整。
      </p>
      <div className="rules-grid">
        <label>
          医院代表席位
          <input type="number" min={8} value={rules.seats} onChange={(e) => setRules({ ...rules, seats: num(e.target.value) })} data-testid="rules-seats" />
        </label>
        {(['三级', '二级', '一级及基层'] as const).map((b) => (
          <label key={b}>
            {b === '一级及基层' ? '一级及基层 至少' : `${b}医院 至少`}
            <input
              type="number"
              min={0}
              value={rules.minimums[b]}
              onChange={(e) => setRules({ ...rules, minimums: { ...rules.minimums, [b]: num(e.target.value) } })}
            />
          </label>
        ))}
        <label>
          零售药店代表席位
          <input type="number" min={0} value={rules.pharmacySeats} onChange={(e) => setRules({ ...rules, pharmacySeats: num(e.target.value) })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={rules.coverTypes} onChange={(e) => setRules({ ...rules, coverTypes: e.target.checked })} />
          优先覆盖不同类型的机构
        </label>
      </div>
      <div className="types-list" data-testid="rules-types">
        <b>机构类型名单</b>（覆盖类型时使用；数据包中不在名单上的类型按“其他”等规定归类）：{INSTITUTION_TYPES.join('、')}
        <label>
          本统筹区增加的类型（用顿号分隔，只能在换届抽选前修改）
          <input value={extra} onChange={(e) => setExtra(e.target.value)} placeholder="例如：康复、精神专科" data-testid="rules-extra-types" />
        </label>
      </div>
      <div className="actions right">
        <button
          type="button"
          className="primary"
          onClick={() =>
            run(
              () =>
                api.draw.setRules({
                  rules: {
                    ...rules,
                    types: extra
                      .split(/[、,，\s]+/)
                      .map((t) => t.trim())
                      .filter(Boolean),
                  },
                }),
              () => '抽选规则已保存。',
            )
          }
          data-testid="rules-save"
        >
          保存规则
        </button>
      </div>
    </div>
  );
}
