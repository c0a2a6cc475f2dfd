import type { ColDef } from 'ag-grid-community';
import type { AppInfo, AuditEntry, Indicator } from '../../../shared/domain/types';
import { formatDateTimeZh } from '../../../shared/format';
import { formatPeriodZh } from '../../../shared/period';
import { useState } from 'react';
import { api, errorText } from '../api';
import { Grid } from '../components/Grid';
import { useLoad } from '../hooks';

const ACTIONS: Record<string, string> = {
  'workspace.create': '新建工作区',
  'workspace.open': '打开工作区',
  'workspace.migrate': '升级数据库',
  'import.commit': '导入数据包',
  'import.template': '导出模板',
  'pool.add': '成员库新增',
  'pool.update': '成员库修改',
  'pool.remove': '成员库删除',
  'pool.import': '导入成员库',
  'pool.eligible': '恢复抽选资格',
  'pool.ineligible': '标注不符合条件',
  'draw.rules': '修改抽选规则',
  'draw.freeze': '冻结成员库',
  'draw.execute': '抽选',
  'draw.cancel': '作废冻结',
  'draw.export': '导出抽选记录',
  'member.appoint': '任命成员',
  'member.extend': '延长任期',
  'member.termsEnded': '任期届满',
  'flags.cause': '记录预警原因',
  'flags.thresholds': '修改预警阈值',
  'views.save': '加入演示',
  'views.remove': '移出演示',
  'comments.quick': '演示中记录意见',
  'export.table': '导出数据',
  'export.image': '导出图表',
  'meeting.create': '新建会议',
  'meeting.minutes': '保存纪要',
  'meeting.attendee': '登记参会人',
  'meeting.signin': '签到',
  'meeting.absent': '缺席',
  'comment.create': '记录意见',
  'comment.status': '意见状态变更',
  'meeting.exportList': '导出清单',
};

const auditColumns: ColDef<AuditEntry>[] = [
  { headerName: '#', field: 'id', width: 80, type: 'numericColumn' },
  { headerName: '时间', field: 'at', valueFormatter: (p) => formatDateTimeZh(p.value as string), width: 190 },
  { headerName: '操作人', field: 'actor', width: 150 },
  { headerName: '操作', field: 'action', valueFormatter: (p) => ACTIONS[p.value as string] ?? (p.value as string), width: 130 },
  { headerName: '对象', field: 'target', flex: 1, minWidth: 200 },
  { headerName: '哈希', field: 'hash', width: 150, valueFormatter: (p) => `${String(p.value).slice(0, 12)}…` },
];

const catalogColumns: ColDef<Indicator>[] = [
  { headerName: '分组', field: 'group', width: 190, rowGroup: false },
  { headerName: '指标', field: 'name', flex: 1, minWidth: 220 },
  { headerName: '编码', field: 'code', width: 190 },
  { headerName: '单位', field: 'unit', width: 80 },
  { headerName: '频次', field: 'frequency', width: 90 },
  { headerName: '分机构公布', field: 'perInstitution', width: 110, cellDataType: 'text', valueFormatter: (p) => (p.value ? '是 *' : '否') },
  { headerName: '计算方式', valueGetter: (p) => (p.data?.formula ? '公式计算' : '数据包填报'), width: 110 },
  { headerName: '来源', field: 'source', width: 200 },
  { headerName: '类别', valueGetter: (p) => (p.data?.official ? '国家附表' : p.data?.builtin ? '内置扩展' : '地方指标'), width: 100 },
];

export function SettingsPage({ info, onChanged }: { info: AppInfo | null; onChanged: () => void }) {
  const ws = info?.workspace ?? null;
  const [form, setForm] = useState({ regionCode: '', regionName: '' });
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const create = async () => {
    const { path } = await api.dialog.save({ title: '新建工作区', defaultName: `${form.regionName || '工作区'}.ljd`, filters: [{ name: '亮家底工作区', extensions: ['ljd'] }] });
    if (!path) return;
    try {
      const w = await api.workspace.create({ path, regionCode: form.regionCode, regionName: form.regionName });
      setMsg({ kind: 'ok', text: `已新建并打开工作区：${w.regionName}（${w.path}）。下一步：在“数据导入”中导入数据包。` });
      onChanged();
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e).message });
    }
  };
  const open = async () => {
    const { path } = await api.dialog.open({ title: '打开工作区', filters: [{ name: '亮家底工作区', extensions: ['ljd'] }] });
    if (!path) return;
    try {
      const w = await api.workspace.open({ path });
      setMsg({ kind: 'ok', text: `已打开工作区：${w.regionName}（${w.path}）。` });
      onChanged();
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e).message });
    }
  };
  const audit = useLoad(() => (ws ? api.audit.list({ limit: 500 }) : Promise.resolve([])), [ws?.importCount]);
  const catalog = useLoad(() => (ws ? api.catalog.indicators() : Promise.resolve([])), [ws?.importCount]);
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
            <dd>{ws.periods.length ? `${formatPeriodZh(ws.periods[0]!)} 至 ${formatPeriodZh(ws.periods[ws.periods.length - 1]!)}，共 ${ws.periods.length} 个` : '暂无'}</dd>
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
        <p className="muted">工作区是本机上的一个加密就绪的 SQLite 文件，程序不联网、不上传任何数据。程序下次启动时打开最近使用的工作区。</p>
        {msg && <div className={`banner ${msg.kind}`} data-testid="workspace-message">{msg.text}</div>}
        <div className="form-row">
          <input placeholder="统筹地区编码（6位）" value={form.regionCode} onChange={(e) => setForm({ ...form, regionCode: e.target.value })} data-testid="ws-code" />
          <input placeholder="统筹地区名称" value={form.regionName} onChange={(e) => setForm({ ...form, regionName: e.target.value })} data-testid="ws-name" />
          <button type="button" className="primary" onClick={create} data-testid="ws-create">
            新建工作区…
          </button>
          <button type="button" onClick={open} data-testid="ws-open">
            打开工作区…
          </button>
        </div>
      </div>
      <div className="card">
        <h3>指标目录（{catalog.data?.length ?? 0} 项）</h3>
        <Grid rows={catalog.data ?? []} columns={catalogColumns} height={360} testId="catalog-grid" />
      </div>
      <div className="card">
        <h3>审计日志</h3>
        <p className="muted">每一次写入都记录操作人、时间与对象，并以哈希链相连，删除或篡改任何一条都会被发现（命令行 audit-verify 可校验）。</p>
        <Grid rows={audit.data ?? []} columns={auditColumns} height={300} testId="audit-grid" />
      </div>
    </section>
  );
}
