// 生成机构数据包 on a hospital's 亮家底: the months to cover, where to save, then the file and its
// password (shown once here; also on the password sheet saved beside it, to hand over apart from the
// file). Two-person control is asked for by useAction when the region has it on.

import { useState } from 'react';
import { api } from '../../api';
import { MessageBanner } from '../../components/MessageBanner';
import { useAction } from '../../data/use-action';
import { PackRange, usePackMonths, type MonthRange } from '../reports/PackRange';
import { formatPeriodZh } from '../../../../shared/period';

export function MakePackButton({ institution, name }: { institution: string; name: string }) {
  const { months, fallback } = usePackMonths();
  const [open, setOpen] = useState(false);
  const [range, setRange] = useState<MonthRange | null>(null);
  const action = useAction();
  const r = range ?? fallback;
  const make = async () => {
    if (!r) return;
    const { path } = await api.dialog.save({
      title: '保存机构数据包',
      defaultName: `机构数据包-${institution}-${name}-${formatPeriodZh(r.from)}至${formatPeriodZh(r.to)}.html`,
      filters: [{ name: '网页文件', extensions: ['html'] }],
    });
    if (!path) return;
    await action.run(() => api.reports.pack({ institution, from: r.from, to: r.to, path }), {
      ok: (x) =>
        `已生成机构数据包（编号 ${x.record.id}，${Math.ceil(x.bytes / 1024)} KB）。密码：${x.password}（只显示这一次，已同时写入密码单 ${x.sheet.fileName}）。请将密码与文件分开交付医疗机构。`,
      invalidate: ['reports', 'audit'],
    });
  };
  if (!fallback) return null;
  return (
    <div className="toolbar" data-testid="make-pack">
      {open ? (
        <>
          <span>机构数据包期间</span>
          <PackRange months={months} value={r!} onChange={setRange} testId="make-pack" />
          <button type="button" className="primary" disabled={action.busy} onClick={() => void make()} data-testid="make-pack-go">
            {action.busy ? '正在生成…' : '生成'}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            取消
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setOpen(true)} data-testid="make-pack-open" title="本院数据及同级汇总数的加密网页文件，医院离线打开">
          生成机构数据包
        </button>
      )}
      <MessageBanner message={action.message} testId="make-pack-message" />
    </div>
  );
}
