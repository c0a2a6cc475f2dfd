import type { Column } from '../../components/grid-columns';
import { useMemo, useState } from 'react';
import type { PoolMember, PoolKind } from '../../../../shared/domain/members';
import { BUREAU_ROLES, HOSPITAL_ROLES } from '../../../../shared/domain/members';
import type { Institution } from '../../../../shared/domain/types';
import { api } from '../../api';
import { Grid } from '../../components/Grid';
import { type Run } from './run';
import { useApi } from '../../data/use-api';

export function PoolTab({ run }: { run: Run }) {
  const pool = useApi('pool.list', {});
  const app = useApi('app.info', {});
  const insts = useApi('catalog.institutions', {});
  const [form, setForm] = useState<{ kind: PoolKind; institution: string; name: string; role: string; title: string }>({
    kind: 'hospital',
    institution: '',
    name: '',
    role: HOSPITAL_ROLES[0],
    title: '',
  });
  const [selected, setSelected] = useState<PoolMember | null>(null);
  const [reason, setReason] = useState('');
  const byInst = useMemo(() => new Map((insts.data ?? []).map((i: Institution) => [i.code, i])), [insts.data]);
  const cols: Column<PoolMember>[] = [
    { headerName: '姓名 ✎', kind: 'name', priority: 1, field: 'name', width: 110, pinned: 'left', editable: true },
    {
      headerName: '类别',
      kind: 'status',
      priority: 2,
      field: 'kind',
      valueFormatter: (p) => ({ hospital: '医院', pharmacy: '药店', bureau: '医保部门' })[p.value as PoolKind],
    },
    { headerName: '机构编码', kind: 'code', priority: 3, field: 'institution', width: 140 },
    { headerName: '单位', kind: 'name', field: 'institutionName' },
    { headerName: '级别', kind: 'status', priority: 3, field: 'band' },
    { headerName: '机构类型', kind: 'label', priority: 3, field: 'institutionType' },
    { headerName: '职务 ✎', kind: 'label', priority: 2, field: 'role', editable: true },
    { headerName: '职称 ✎', kind: 'label', priority: 3, field: 'title', editable: true },
    {
      headerName: '抽选资格',
      kind: 'reading',
      priority: 1,
      width: 200,
      valueGetter: (p) => (!p.data ? '' : p.data.sitting ? '现任成员' : p.data.eligible ? '符合条件' : `不符合：${p.data.ineligibleReason}`),
      cellClass: (p) => (p.data && !p.data.eligible ? 'cell-warn' : ''),
    },
  ];
  const add = () =>
    run(
      () =>
        api.pool.add({
          member: {
            kind: form.kind,
            institution: form.kind === 'bureau' ? null : form.institution || null,
            name: form.name,
            role: form.role,
            title: form.title,
          },
        }),
      (m) => `已加入成员库：${m.name}（${m.institutionName || m.role}）。`,
    ).then((m) => m && setForm((f) => ({ ...f, name: '', title: '' })));
  const importFile = async () => {
    const { path } = await api.dialog.open({ title: '导入成员库', filters: [{ name: '成员库（xlsx 或 csv）', extensions: ['xlsx', 'csv'] }] });
    if (!path) return;
    // one command, so the pool is read again once (6,000 people on a large region)
    await run(
      () =>
        api.pool.import({ path }).then((r) =>
          r.errors.length === 0
            ? r
            : // where each of the first problems is (file, sheet, row, column) and what to do
              Promise.reject({
                message: `成员库文件“${r.errors[0]!.file}”（工作表“${r.errors[0]!.sheet}”）有 ${r.errors.length} 处错误，未导入：${r.errors
                  .slice(0, 3)
                  .map((e) => `第 ${e.row} 行${e.column ? ` ${e.column} 列` : ''}，${e.message.replace(/。$/, '')}`)
                  .join('；')}${r.errors.length > 3 ? '等' : ''}。`,
                hint: r.errors[0]!.hint,
              }),
        ),
      (r) => `已导入 ${r.added} 名成员。`,
    );
  };
  const hospitals = (insts.data ?? []).filter((i) => byInst.has(i.code));
  const isDemo = app.data?.workspace?.isDemo ?? false;
  const template = async (sample: boolean) => {
    const { path } = await api.dialog.save({
      title: sample ? '保存示范推荐表' : '保存推荐表模板',
      defaultName: sample ? '示范推荐表.xlsx' : '医保数据工作组成员推荐表.xlsx',
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });
    if (!path) return;
    await run(
      () => api.pool.template({ path, sample }),
      (r) =>
        sample
          ? `示范推荐表已保存（${r.path}）并导入 ${r.added ?? 0} 名成员；可在“抽选”中体验抽选。`
          : `推荐表模板已保存：${r.path}。请发给各定点机构填写后导入。`,
    );
  };
  return (
    <>
      <div className="card">
        <h3>添加推荐人选</h3>
        <div className="form-row">
          <select
            value={form.kind}
            onChange={(e) => setForm({ ...form, kind: e.target.value as PoolKind, role: e.target.value === 'bureau' ? BUREAU_ROLES[0] : HOSPITAL_ROLES[0] })}
            aria-label="类别"
            data-testid="pool-kind"
          >
            <option value="hospital">医院代表</option>
            <option value="pharmacy">药店代表</option>
            <option value="bureau">医保部门</option>
          </select>
          {form.kind === 'hospital' && (
            <select
              value={form.institution}
              onChange={(e) => setForm({ ...form, institution: e.target.value })}
              aria-label="机构"
              data-testid="pool-institution"
            >
              <option value="">选择机构…</option>
              {hospitals.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.name}（{i.level}）
                </option>
              ))}
            </select>
          )}
          {form.kind === 'pharmacy' && (
            <input placeholder="药店机构编码" value={form.institution} onChange={(e) => setForm({ ...form, institution: e.target.value })} />
          )}
          <input placeholder="姓名" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} data-testid="pool-name" />
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })} aria-label="职务" data-testid="pool-role">
            {(form.kind === 'bureau' ? BUREAU_ROLES : HOSPITAL_ROLES).map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
          <input placeholder="职称（可选）" value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
          <button type="button" className="primary" onClick={add} data-testid="pool-add">
            加入成员库
          </button>
          <button type="button" onClick={importFile} data-testid="pool-import">
            从文件导入…
          </button>
          <button type="button" onClick={() => template(false)} data-testid="pool-template">
            下载推荐表模板…
          </button>
        </div>
        {isDemo && pool.data?.length === 0 && (
          <div className="banner info" data-testid="pool-sample-hint">
            示范工作区的成员库还是空的。可生成一份示范推荐表（示范机构各推荐一至二人）并导入，体验从推荐到抽选的全过程。
            <button type="button" onClick={() => template(true)} data-testid="pool-sample">
              生成并导入示范推荐表…
            </button>
          </div>
        )}
        <p className="muted">每家定点机构至多推荐2人（院领导、财务、医保等业务处室负责人）；第三方运维单位人员不作为成员。</p>
      </div>
      <div className="card">
        <h3>成员库（{pool.data?.length ?? 0} 人）</h3>
        <Grid
          rows={pool.data ?? []}
          columns={cols}
          height={400}
          testId="pool-grid"
          onRowClicked={setSelected}
          onCellEdited={(p) =>
            run(
              () =>
                api.pool.update({
                  id: p.id,
                  member: { kind: p.kind, institution: p.institution, institutionName: p.institutionName, name: p.name, role: p.role, title: p.title },
                }),
              (m) => `已保存：${m.name}（${m.role}）。`,
            )
          }
        />
        <div className="toolbar">
          <span className="muted">{selected ? `已选：${selected.name}` : '双击姓名、职务、职称可直接修改；点击一行以标注资格或删除。'}</span>
          <input placeholder="不符合条件的原因，如：第三方运维单位人员" value={reason} onChange={(e) => setReason(e.target.value)} style={{ minWidth: 280 }} />
          <button
            type="button"
            disabled={!selected}
            onClick={() =>
              selected &&
              run(
                () => api.pool.setEligibility({ id: selected.id, eligible: false, reason }),
                (m) => `${m.name} 已标注为不符合条件。`,
              )
            }
          >
            标注不符合条件
          </button>
          <button
            type="button"
            disabled={!selected}
            onClick={() =>
              selected &&
              run(
                () => api.pool.setEligibility({ id: selected.id, eligible: true, reason: '' }),
                (m) => `${m.name} 已恢复为符合条件。`,
              )
            }
          >
            恢复资格
          </button>
          <button
            type="button"
            disabled={!selected}
            onClick={() =>
              selected &&
              run(
                () => api.pool.remove({ id: selected.id }),
                () => `已从成员库删除 ${selected.name}。`,
              ).then(() => setSelected(null))
            }
          >
            删除
          </button>
        </div>
      </div>
    </>
  );
}
