// 机构数据包 for every hospital, or every hospital of a level, at once: the months, the folder, progress
// and cancel (BatchProgress), and the password sheet written beside the packs.

import { useState } from 'react';
import { api } from '../../api';
import { MessageBanner } from '../../components/MessageBanner';
import { useAction } from '../../data/use-action';
import { BatchProgress } from './BatchProgress';
import { PackRange, usePackMonths, type MonthRange } from './PackRange';

const BANDS = ['三级', '二级', '一级及基层', '未定级'] as const;

export function PackBatchCard() {
  const { months, fallback } = usePackMonths();
  const [range, setRange] = useState<MonthRange | null>(null);
  const [band, setBand] = useState<(typeof BANDS)[number] | ''>('');
  const action = useAction();
  const r = range ?? fallback;
  const run = async () => {
    if (!r) return;
    const { path, name } = await api.dialog.folder({ title: '选择存放机构数据包的文件夹' });
    if (!path) return;
    await action.run(() => api.reports.packBatch({ band: band || null, from: r.from, to: r.to, dir: path }), {
      ok: (x) =>
        `${x.cancelled ? `已取消：已生成 ${x.files.length}/${x.total} 家` : `已生成 ${x.files.length} 家医疗机构的机构数据包`}（文件夹：${name ?? ''}）。` +
        (x.sheet ? `密码表：${x.sheet.fileName}，请打印后与文件分开交付。` : ''),
      invalidate: ['reports', 'audit'],
    });
  };
  if (!r) return null;
  return (
    <div className="card" data-testid="pack-batch">
      <h3>机构数据包</h3>
      <p className="muted">
        为每家医疗机构生成一个加密的网页文件：本院各项指标及趋势、同级中位数和四分位区间、同级排名、同比环比、预警及原因、病组、月告知、意见办理和绩效评价。不含其他机构的数据；每家一个密码，列在密码表上。
      </p>
      <div className="toolbar">
        <select value={band} onChange={(e) => setBand(e.target.value as typeof band)} aria-label="机构级别" data-testid="pack-batch-band">
          <option value="">全部医疗机构</option>
          {BANDS.map((b) => (
            <option key={b} value={b}>
              {b}医疗机构
            </option>
          ))}
        </select>
        <PackRange months={months} value={r} onChange={setRange} testId="pack-batch" />
        <button type="button" disabled={action.busy} onClick={() => void run()} data-testid="pack-batch-go">
          批量生成机构数据包
        </button>
      </div>
      {action.busy && <BatchProgress type="机构数据包" />}
      <MessageBanner message={action.message} testId="pack-batch-message" />
    </div>
  );
}
