// 设置与审计: the open workspace, opening or creating another, the indicator catalog and the
// audit log.

import type { AppInfo } from '../../../../shared/domain/types';
import { formatDateTimeZh } from '../../../../shared/format';
import { periodSpanZh } from '../../../../shared/period';
import { Grid } from '../../components/Grid';
import { auditColumns, catalogColumns } from './columns';
import { useApi } from '../../data/use-api';
import { WorkspaceActions } from '../workspace/WorkspaceActions';
import { SecurityCard } from './SecurityCard';
import { TwoPersonCard } from './TwoPersonCard';

export function SettingsPage({ info }: { info: AppInfo | null }) {
  const ws = info?.workspace ?? null;
  const audit = useApi('audit.list', { limit: 500 }, { enabled: !!ws });
  const catalog = useApi('catalog.indicators', {}, { enabled: !!ws });
  return (
    <section className="page" data-testid="page-settings">
      <header className="page-head">
        <h1>设置与审计</h1>
      </header>
      <div className="card">
        <h3>工作区</h3>
        {ws ? (
          <dl className="facts">
            <dt>统筹地区</dt>
            <dd>
              {ws.regionName}（{ws.regionCode}）{ws.isDemo && <span className="tag">示范数据</span>}
            </dd>
            <dt>文件</dt>
            <dd className="mono">{ws.path}</dd>
            <dt>数据期间</dt>
            <dd>{ws.periods.length ? `${periodSpanZh(ws.periods)}，共 ${ws.periods.length} 个期间` : '暂无'}</dd>
            <dt>机构</dt>
            <dd>{ws.institutionCount} 家</dd>
            <dt>导入次数</dt>
            <dd>{ws.importCount}</dd>
            <dt>数据库版本</dt>
            <dd>{ws.schemaVersion}</dd>
            <dt>创建时间</dt>
            <dd>{formatDateTimeZh(ws.createdAt)}</dd>
          </dl>
        ) : (
          <p>尚未打开工作区。</p>
        )}
        <p className="muted">工作区是本机上的一个数据库文件（.ljd），程序不联网、不上传任何数据。程序下次启动时打开最近使用的工作区。</p>
        <WorkspaceActions />
      </div>
      {ws && <SecurityCard ws={ws} />}
      {ws && <TwoPersonCard />}
      <div className="card">
        <h3>指标目录（{catalog.data?.length ?? 0} 项）</h3>
        <Grid rows={catalog.data ?? []} columns={catalogColumns} height={360} testId="catalog-grid" />
      </div>
      <div className="card">
        <h3>审计日志</h3>
        <p className="muted">每一次写入都记录操作人、时间与对象，并以哈希链相连，删除或篡改任何一条都会被发现；核对结果与导出见上方“工作区安全”。</p>
        <Grid rows={audit.data ?? []} columns={auditColumns} height={300} testId="audit-grid" />
      </div>
    </section>
  );
}
