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
        <dd>公开的确定性抽选算法（第1版）：任何人可用公布的成员库、规则和随机种子重新计算，结果必须与本证书一致；亮家底安装目录附带独立复核程序。</dd>
      </dl>
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
