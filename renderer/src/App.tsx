// The shell: navigation, the page shown, the status bar, the confidentiality watermark; the
// startup screen when the last workspace could not be opened; the banner when the data service
// stopped. The period shown follows the workspace: another workspace starts from its newest one.

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Watermark } from './components/Watermark';
import { useServiceStopped } from './data/service-status';
import { useApi } from './data/use-api';
import { ImportPage } from './features/import/ImportPage';
import { MeetingsPage } from './features/meetings/MeetingsPage';
import { MembersPage } from './features/members/MembersPage';
import { OverviewPage } from './features/overview/OverviewPage';
import { ReportsPage } from './features/reports/ReportsPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { ServiceStoppedBanner } from './features/shell/ServiceStoppedBanner';
import { Sidebar, type PageId } from './features/shell/Sidebar';
import { StartupErrorScreen } from './features/shell/StartupErrorScreen';
import { StatusBar } from './features/shell/StatusBar';
import { AppLock } from './features/shell/AppLock';
import { SecondPersonDialog } from './features/shell/SecondPersonDialog';

export function App() {
  const [page, setPage] = useState<PageId>('overview');
  // asked again while the check run after opening a workspace is still going
  const app = useApi('app.info', {}, { keepPrevious: true, pollWhile: (i) => i.checking });
  const info = app.data;
  const ws = info?.workspace ?? null;
  // once the check is done, its daily backup (and audit entry) are there to list
  const checking = info?.checking ?? false;
  const client = useQueryClient();
  const wasChecking = useRef(false);
  useEffect(() => {
    if (wasChecking.current && !checking) void Promise.all(['workspace', 'audit'].map((d) => client.invalidateQueries({ queryKey: [d] })));
    wasChecking.current = checking;
  }, [checking, client]);
  const [shown, setShown] = useState<{ path: string | null; period: string | null }>({ path: null, period: null });
  const stopped = useServiceStopped();
  // another workspace (or the first): start from its newest period
  useEffect(() => {
    const path = ws?.path ?? null;
    setShown((s) => (s.path === path && s.period ? s : { path, period: ws?.latestPeriod ?? null }));
  }, [ws?.path, ws?.latestPeriod]);
  const period = shown.period;
  const setPeriod = (p: string) => setShown((s) => ({ ...s, period: p }));

  const months = useMemo(() => (ws?.periods ?? []).filter((p) => /^\d{4}-\d{2}$/.test(p)).reverse(), [ws]);
  // the overview also offers annual and cumulative periods (newest first) where their months are all
  // held, never a year holding only next year's budget (workspace.browsePeriods)
  const periods = useMemo(() => ws?.browsePeriods ?? [], [ws]);

  return (
    <AppLock enabled={!!ws?.encrypted}>
      <div className="app">
        <Watermark text="内部资料 注意保密" />
        <Sidebar page={page} onPage={setPage} />
        <main className="content">
          {stopped && <ServiceStoppedBanner />}
          {app.error && !stopped && (
            <div className="banner error" role="alert">
              {app.error.message}
              {app.error.hint && <div className="hint">{app.error.hint}</div>}
            </div>
          )}
          {info?.startupError && !ws ? (
            <StartupErrorScreen error={info.startupError} />
          ) : (
            <ErrorBoundary key={page} what="本页面">
              {page === 'overview' && (
                <OverviewPage period={period} months={months} periods={periods} onPeriod={setPeriod} workspace={ws} onGoImport={() => setPage('import')} />
              )}
              {page === 'import' && <ImportPage workspace={ws} />}
              {page === 'members' && <MembersPage />}
              {page === 'meetings' && <MeetingsPage />}
              {page === 'reports' && <ReportsPage period={period} />}
              {page === 'settings' && <SettingsPage info={info} />}
            </ErrorBoundary>
          )}
        </main>
        <StatusBar info={info} period={period} />
        <SecondPersonDialog />
      </div>
    </AppLock>
  );
}
