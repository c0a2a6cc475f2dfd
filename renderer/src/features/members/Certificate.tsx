import type { DrawRecordView } from '../../../../shared/domain/members';
import { formatDateTimeZh } from '../../../../shared/format';

export function Certificate({ record, onExport, onPrint }: { record: DrawRecordView; onExport: () => void; onPrint: () => void }) {
  return (
    <div className="certificate" data-testid="certificate">
      <div className="cert-region">{record.regionName}</div>
      <div className="cert-title">医保数据工作组成员抽选证书</div>
      <div className="cert-sub">
        {record.kind === 'replacement' ? '补充抽选' : '成员抽选'} · 记录编号 {record.id} · {record.drawnAt ? formatDateTimeZh(record.drawnAt) : ''}
      </div>
      <table className="cert-table" data-testid="cert-result">
        <thead>
          <tr>
            <th>序号</th>
            <th>单位</th>
            <th>级别</th>
            <th>类型</th>
            <th>姓名</th>
            <th>职务</th>
          </tr>
        </thead>
        <tbody>
          {record.result.map((r, i) => (
            <tr key={r.person}>
              <td>{i + 1}</td>
              <td>{r.institutionName}</td>
              <td>{r.band === '未定级' ? '—' : r.band}</td>
              <td>{r.type}</td>
              <td>{r.name}</td>
              <td>{r.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="cert-facts">
        {record.version === 2 && (
          <>
            <dt>抽选公告</dt>
            <dd data-testid="cert-announcement">
              第 {record.id} 号，本届第 {record.attempt} 次冻结{record.attempt > 1 ? `（此前 ${record.attempt - 1} 次作废，原因记录在案）` : ''}；种子规则：
              {record.seedRule?.source}，{record.seedRule?.count} 个号码、每个 {record.seedRule?.digits} 位，{record.seedRule?.order}
            </dd>
            <dt>公告哈希</dt>
            <dd className="mono">{record.frozenHash}</dd>
          </>
        )}
        <dt>随机种子</dt>
        <dd>
          {record.seedInput}（规范形式 <span className="mono">{record.seedCanonical}</span>）
        </dd>
        <dt>见证人</dt>
        <dd>{record.witnesses.join('、')}</dd>
        <dt>成员库哈希</dt>
        <dd className="mono">{record.poolHash}</dd>
        <dt>规则哈希</dt>
        <dd className="mono">{record.rulesHash}</dd>
        <dt>上一记录哈希</dt>
        <dd className="mono">{record.previousHash || '（无，本届首次抽选）'}</dd>
        <dt>本记录哈希</dt>
        <dd className="mono">{record.recordHash}</dd>
        <dt>算法</dt>
        <dd>公开的确定性抽选算法（第1版），不含任何人为选择。</dd>
      </dl>
      <div className="cert-verify" data-testid="cert-verify">
        <b>如何复核。</b>① 抽选公告（含成员库、规则、种子规则和各机构入选概率）及其公告哈希在产生随机种子之前公布，证明抽选所用的名单和规则事先已经固定；②
        随机种子由现场公开产生，抽选前无人能知道；③
        每家机构的排序号由“随机种子＋机构编码”计算得出，按排序号依次检查规则，决定入选或跳过（即抽选过程中显示的每一步）。任何人取得导出的抽选记录文件，
        用亮家底安装目录中“复核程序”文件夹里的独立复核程序 verify_draw.py（只需 Python
        3，不联网）重新计算，显示“复核通过”且入选名单与本证书一致，即证明结果未被改动。
      </div>
      <div className="cert-sign">
        <span>召集人：</span>
        <span>见证人：</span>
        <span>日期：</span>
      </div>
      <div className="actions right no-print">
        <button type="button" onClick={onExport} data-testid="export-record">
          导出抽选记录文件
        </button>
        <button type="button" className="primary" onClick={onPrint} data-testid="print-certificate">
          保存证书（PDF）
        </button>
      </div>
    </div>
  );
}
