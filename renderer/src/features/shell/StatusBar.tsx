// The status bar: which workspace (region, file), which period is shown, how many institutions,
// that the app is offline, and the program's version.

import type { AppInfo } from '../../../../shared/domain/types';
import { formatPeriodZh } from '../../../../shared/period';

export function StatusBar({ info, period }: { info: AppInfo | null; period: string | null }) {
  const ws = info?.workspace ?? null;
  return (
    <footer className="statusbar" data-testid="statusbar">
      <span>
        工作区：<b data-testid="status-region">{ws ? ws.regionName : '未打开'}</b>
        {ws?.isDemo && <span className="tag">示范数据</span>}
      </span>
      <span title={ws?.path}>{ws ? ws.path : ''}</span>
      <span>
        数据期间：<b data-testid="status-period">{period ? formatPeriodZh(period) : '暂无数据'}</b>
      </span>
      <span>机构 {ws?.institutionCount ?? 0} 家</span>
      <span className="status-secure">● 离线</span>
      <span data-testid="status-version">
        {info?.appName} {info?.version ? `版本 ${info.version}` : ''}
      </span>
    </footer>
  );
}
