import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo } from '../../shared/domain/types';
import { formatPeriodZh, monthsOf } from '../../shared/period';
import { api, errorText } from './api';
import { Watermark } from './components/Watermark';
import { ImportPage } from './pages/ImportPage';
import { MeetingsPage } from './pages/MeetingsPage';
import { MembersPage } from './pages/MembersPage';
import { OverviewPage } from './pages/OverviewPage';
import { SettingsPage } from './pages/SettingsPage';
import { UpcomingPage } from './pages/UpcomingPage';

export type PageId = 'overview' | 'import' | 'members' | 'meetings' | 'reports' | 'settings';

const NAV: { id: PageId; label: string; icon: string }[] = [
  { id: 'overview', label: '数据总览', icon: '▦' },
  { id: 'import', label: '数据导入', icon: '⇪' },
  { id: 'members', label: '成员与抽选', icon: '☷' },
  { id: 'meetings', label: '会议与意见', icon: '✎' },
  { id: 'reports', label: '报告', icon: '▤' },
  { id: 'settings', label: '设置与审计', icon: '⚙' },
];

export function App() {
  const [page, setPage] = useState<PageId>('overview');
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<{ message: string; hint?: string } | null>(null);
  const [period, setPeriod] = useState<string | null>(null);
  const shownPath = useRef<string | null | undefined>(undefined);

  const refresh = useCallback(() => {
    api.app.info().then(
      (i) => {
        const path = i.workspace?.path ?? null;
        // another workspace: start from its newest month
        if (shownPath.current !== path) setPeriod(i.workspace?.latestPeriod ?? null);
        else setPeriod((p) => p ?? i.workspace?.latestPeriod ?? null);
        shownPath.current = path;
        setInfo(i);
        setError(null);
      },
      (e) => setError(errorText(e)),
    );
  }, []);
  useEffect(refresh, [refresh]);

  const ws = info?.workspace ?? null;
  const months = useMemo(() => (ws?.periods ?? []).filter((p) => /^\d{4}-\d{2}$/.test(p)).reverse(), [ws]);
  // the overview also offers annual and cumulative periods (newest first), for packages without months
  const periods = useMemo(() => [...(ws?.periods ?? [])].sort(newestFirst), [ws]);

  return (
    <div className="app">
      <Watermark text="内部资料 注意保密" />
      <aside className="sidebar">
        <div className="brand">
          <div className="brand-name">亮家底</div>
          <div className="brand-sub">医保数据工作组</div>
        </div>
        <nav aria-label="主导航">
          {NAV.map((n) => (
            <button key={n.id} type="button" className={`nav-item${page === n.id ? ' active' : ''}`} aria-current={page === n.id ? 'page' : undefined} data-testid={`nav-${n.id}`} onClick={() => setPage(n.id)}>
              <span className="nav-icon" aria-hidden="true">
                {n.icon}
              </span>
              {n.label}
            </button>
          ))}
        </nav>
        <div className="sidebar-foot">离线运行 · 数据不出本机</div>
      </aside>
      <main className="content">
        {error && (
          <div className="banner error" role="alert">
            {error.message}
            {error.hint && <div className="hint">{error.hint}</div>}
          </div>
        )}
        {page === 'overview' && <OverviewPage period={period} months={months} periods={periods} onPeriod={setPeriod} workspace={ws} onGoImport={() => setPage('import')} />}
        {page === 'import' && <ImportPage workspace={ws} onImported={refresh} />}
        {page === 'members' && <MembersPage />}
        {page === 'meetings' && <MeetingsPage />}
        {page === 'reports' && <UpcomingPage title="报告" items={REPORTS} />}
        {page === 'settings' && <SettingsPage info={info} onChanged={refresh} />}
      </main>
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
        <span>
          {info?.appName} {info?.version}
        </span>
      </footer>
    </div>
  );
}

/** Newest end month first; of two ending together, the shorter (the month before its quarter or year). */
function newestFirst(a: string, b: string): number {
  const ma = monthsOf(a);
  const mb = monthsOf(b);
  return ma.last !== mb.last ? (ma.last < mb.last ? 1 : -1) : ma.count - mb.count;
}

const REPORTS = [
  '数据分析简报、问题建议清单、警示清单与成员抽选证书，导出 PDF、Word 与 Excel，带“内部资料 注意保密”水印。',
  '所有导出均记入审计日志。',
];
