// The 抽选公告 as printed and posted: a formal notice (title, number, body, the announcement hash
// written out in groups and as a QR code, the date by which it must be posted, 落款), not the web
// card the screen shows. Printed alone (DrawTab's print mode); its odds table follows as 附表.

import type { FrozenDraw } from '../../../../shared/domain/members';
import { hashGroups, postBy } from '../../../../shared/draw/notice';
import { formatDateTimeZh } from '../../../../shared/format';
import { QrCodeSvg } from '../../components/QrCodeSvg';

const pct = (perTenThousand: number) => `${(perTenThousand / 100).toFixed(perTenThousand < 100 ? 2 : 1)}%`;

export function AnnouncementNotice({ frozen }: { frozen: FrozenDraw }) {
  const r = frozen.rules;
  const rule = frozen.seedRule;
  const hash = frozen.frozenHash ?? '';
  const date = postBy(frozen.frozenAt);
  const groups = hashGroups(hash);
  return (
    <section className="notice print-only" data-testid="announcement-notice">
      <h1 className="notice-title">
        {frozen.regionName}医疗保障局
        <br />
        关于抽选医保数据工作组医疗机构代表的公告
      </h1>
      <div className="notice-number">抽选公告第 {frozen.id} 号</div>
      <p className="notice-body">
        根据医保数据工作组工作规则，我局将从成员库中公开抽选医保数据工作组医疗机构代表
        {frozen.replaces ? `（补充抽选：${frozen.replaces.institutionName} ${frozen.replaces.name} 退出）` : ''}
        。抽选过程坚持公开透明、公平公正，接受纪检监察部门和社会监督。现将抽选前须公布的事项公告如下：
      </p>
      <ol className="notice-items">
        <li>
          成员库与抽选规则已于 {formatDateTimeZh(frozen.frozenAt)} 冻结，共 {frozen.institutions} 家机构、{frozen.people} 名候选人。 医院代表 {r.seats}{' '}
          名，其中三级医院不少于 {r.minimums.三级} 名、二级医院不少于 {r.minimums.二级} 名、一级医院及基层医疗卫生机构不少于 {r.minimums.一级及基层} 名
          {r.pharmacySeats > 0 ? `，零售药店代表 ${r.pharmacySeats} 名` : ''}；同一机构的代表不超过 1 名。本次为本届第 {frozen.attempt} 次冻结
          {frozen.attempt > 1 ? `，此前 ${frozen.attempt - 1} 次已作废并记录在案` : ''}。
        </li>
        {rule && (
          <li>
            随机种子：{rule.source}，共 {rule.count} 个号码、每个 {rule.digits} 位数字，{rule.order}录入。种子在本公告公布之后产生，抽选只接受这一种写法。
          </li>
        )}
        <li>各机构入选概率按 1,000 次模拟抽选估计，见附表。</li>
        <li>
          本公告的公告哈希如下（64 位，分 16 组，亦可扫描二维码读取）。抽选结果由公告哈希和随机种子唯一确定，任何人均可用公布的抽选公告文件和独立复核程序核对。
        </li>
      </ol>
      <div className="notice-hash">
        <ol className="hash-groups" data-testid="notice-hash-groups">
          {groups.map((g, i) => (
            <li key={i}>{g}</li>
          ))}
        </ol>
        <QrCodeSvg text={hash} size={132} testId="notice-qr" />
      </div>
      <p className="notice-body" data-testid="notice-post-by">
        本公告应于 {date}（冻结当日）张贴公布，并须在随机种子产生之前公布；张贴至抽选结果公布之日。
      </p>
      <div className="notice-sign" data-testid="notice-sign">
        <div>{frozen.regionName}医疗保障局</div>
        <div>{date}</div>
      </div>
      {frozen.probabilities.length > 0 && (
        <div className="notice-annex">
          <h2>附表 各机构入选概率</h2>
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
        </div>
      )}
    </section>
  );
}
