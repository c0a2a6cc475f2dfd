// The 抽选公告 as published at freezing, before the seed exists: its number and attempt, the hash
// everything is bound to, the seed rule, and each institution's chance of a seat estimated over
// 1,000 simulated seeds — so a bias (a type only one institution has) is visible to all in advance.

import type { FrozenDraw } from '../../../../shared/domain/members';
import { formatDateTimeZh } from '../../../../shared/format';
import { Hash } from './Hash';

const pct = (perTenThousand: number) => `${(perTenThousand / 100).toFixed(perTenThousand < 100 ? 2 : 1)}%`;

export function Announcement({ frozen, open = false }: { frozen: FrozenDraw; open?: boolean }) {
  const rule = frozen.seedRule;
  return (
    <div className="frozen announcement" data-testid="frozen">
      <div className="print-only announcement-head">{frozen.regionName} 医保数据工作组成员抽选公告 · 内部资料 注意保密</div>
      <h4>
        抽选公告 第 {frozen.id} 号 · 本届第 {frozen.attempt} 次冻结{frozen.attempt > 1 ? `（此前 ${frozen.attempt - 1} 次已作废，记录在案）` : ''}
      </h4>
      <Hash label="公告哈希" value={frozen.frozenHash ?? ''} />
      <Hash label="成员库哈希" value={frozen.poolHash} />
      <Hash label="上一记录哈希" value={frozen.previousHash} />
      <div className="muted">
        冻结于 {formatDateTimeZh(frozen.frozenAt)}：{frozen.institutions} 家机构、{frozen.people} 名候选人；席位 {frozen.rules.seats} 名（三级≥
        {frozen.rules.minimums.三级}、二级≥{frozen.rules.minimums.二级}、一级及基层≥{frozen.rules.minimums.一级及基层}）
      </div>
      {rule && (
        <p data-testid="announced-seed-rule">
          <b>随机种子：</b>
          {rule.source}，共 {rule.count} 个号码、每个 {rule.digits} 位数字，{rule.order}录入。
        </p>
      )}
      {frozen.typeNotes.length > 0 && (
        <p className="muted" data-testid="type-notes">
          机构类型不在名单中、按规定归类的：{frozen.typeNotes.join('；')}
        </p>
      )}
      {frozen.probabilities.length > 0 && (
        <details data-testid="probabilities" open={open || undefined}>
          <summary>各机构入选概率（按 1,000 次模拟抽选估计，种子产生之前公布）</summary>
          <table className="simple probabilities">
            <thead>
              <tr>
                <th>机构</th>
                <th>级别</th>
                <th>类型</th>
                <th className="num">入选概率</th>
              </tr>
            </thead>
            <tbody>
              {frozen.probabilities.map((p) => (
                <tr key={p.institution}>
                  <td>{p.name}</td>
                  <td>{p.band}</td>
                  <td>{p.type}</td>
                  <td className="num">{pct(p.perTenThousand)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
