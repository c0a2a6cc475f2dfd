import type { ColDef } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import type { DrawRecordView, DrawRulesView, FrozenDraw, MemberView, PoolMember, PoolKind } from '../../../shared/domain/members';
import { BUREAU_ROLES, HOSPITAL_ROLES } from '../../../shared/domain/members';
import { canonicalSeed, MIN_SEED_CHARS, seedStrength } from '../../../shared/draw/canonical';
import type { Institution } from '../../../shared/domain/types';
import { formatDateTimeZh } from '../../../shared/format';
import { today } from '../../../shared/dates';
import { api, errorText } from '../api';
import { Grid } from '../components/Grid';
import { useLoad } from '../hooks';

type Tab = 'pool' | 'rules' | 'draw' | 'members' | 'history';
const TABS: { id: Tab; label: string }[] = [
  { id: 'members', label: '工作组成员' },
  { id: 'pool', label: '成员库' },
  { id: 'rules', label: '抽选规则' },
  { id: 'draw', label: '抽选' },
  { id: 'history', label: '抽选记录' },
];

type Msg = { kind: 'ok' | 'error'; message: string; hint?: string } | null;

export function MembersPage() {
  const [tab, setTab] = useState<Tab>('members');
  const [msg, setMsg] = useState<Msg>(null);
  const [tick, setTick] = useState(0);
  const [replacement, setReplacement] = useState<{ memberId: number; name: string } | null>(null);
  const refresh = () => setTick((t) => t + 1);
  const run = async <T,>(f: () => Promise<T>, ok?: (v: T) => string): Promise<T | null> => {
    try {
      const v = await f();
      if (ok) setMsg({ kind: 'ok', message: ok(v) });
      refresh();
      return v;
    } catch (e) {
      setMsg({ kind: 'error', ...errorText(e) });
      return null;
    }
  };
  return (
    <section className="page" data-testid="page-members">
      <header className="page-head">
        <h1>成员与抽选</h1>
        <div className="tabs" role="tablist">
          {TABS.map((t) => (
            <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={`tab${tab === t.id ? ' active' : ''}`} data-testid={`tab-${t.id}`} onClick={() => (setTab(t.id), setMsg(null))}>
              {t.label}
            </button>
          ))}
        </div>
      </header>
      {msg && (
        <div className={`banner ${msg.kind}`} role={msg.kind === 'error' ? 'alert' : 'status'} data-testid="members-message">
          {msg.message}
          {msg.hint && <div className="hint">{msg.hint}</div>}
        </div>
      )}
      {tab === 'members' && <MembersTab tick={tick} run={run} onReplace={(m) => (setReplacement(m), setTab('draw'))} />}
      {tab === 'pool' && <PoolTab tick={tick} run={run} />}
      {tab === 'rules' && <RulesTab run={run} />}
      {tab === 'draw' && <DrawTab run={run} replacement={replacement} onDone={() => setReplacement(null)} />}
      {tab === 'history' && <HistoryTab tick={tick} run={run} />}
    </section>
  );
}

type Run = <T>(f: () => Promise<T>, ok?: (v: T) => string) => Promise<T | null>;

// ---------------------------------------------------------------------------------------------

function MembersTab({ tick, run, onReplace }: { tick: number; run: Run; onReplace: (m: { memberId: number; name: string }) => void }) {
  const members = useLoad(() => api.members.list({}), [tick]);
  const pool = useLoad(() => api.pool.list(), [tick]);
  const active = (members.data ?? []).filter((m) => m.status === 'active');
  const soon = active.filter((m) => m.endingSoon);
  const [selected, setSelected] = useState<number | null>(null);
  const [endDate, setEndDate] = useState('');
  const [appointId, setAppointId] = useState<number | ''>('');
  const cols: ColDef<MemberView>[] = [
    { headerName: '姓名', field: 'name', width: 110, pinned: 'left' },
    { headerName: '类别', field: 'kind', width: 100, valueFormatter: (p) => ({ hospital: '医院代表', pharmacy: '药店代表', bureau: '医保部门' })[p.value as PoolKind] },
    { headerName: '单位', field: 'institutionName', flex: 1, minWidth: 180 },
    { headerName: '级别', field: 'band', width: 100 },
    { headerName: '职务', field: 'role', width: 110 },
    { headerName: '任期开始', field: 'startDate', width: 120 },
    { headerName: '任期结束', field: 'endDate', width: 120 },
    {
      headerName: '状态',
      width: 150,
      valueGetter: (p) => (!p.data ? '' : p.data.status === 'left' ? `已退出（${p.data.leftReason ?? ''}）` : p.data.status === 'ended' ? '任期届满' : p.data.endingSoon ? `${p.data.daysLeft}天后到期` : '在任'),
      cellClass: (p) => (p.data?.endingSoon ? 'cell-warn' : ''),
    },
  ];
  const sel = active.find((m) => m.id === selected) ?? null;
  return (
    <>
      {soon.length > 0 && (
        <div className="banner warn" data-testid="term-warning">
          {soon.length} 名成员的任期将在30天内届满：{soon.map((m) => `${m.name}（${m.endDate}）`).join('、')}。请及时组织换届抽选或按规定延长（总任期不超过2年）。
        </div>
      )}
      <div className="card">
        <h3>本届工作组（在任 {active.length} 人）</h3>
        <Grid rows={members.data ?? []} columns={cols} height={340} testId="members-grid" onRowClicked={(m) => setSelected(m.id)} />
        <div className="toolbar">
          <span className="muted">{sel ? `已选：${sel.name}（${sel.institutionName}）` : '点击表格中的在任成员可退出或延长任期。'}</span>
          <button type="button" disabled={!sel || sel.kind === 'bureau'} onClick={() => sel && onReplace({ memberId: sel.id, name: sel.name })} data-testid="member-replace">
            成员退出并补充抽选…
          </button>
          <input type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} aria-label="新的任期结束日期" />
          <button type="button" disabled={!sel || !endDate} onClick={() => sel && run(() => api.members.extend({ memberId: sel.id, endDate }), (m) => `${m.name} 的任期已延长至 ${m.endDate}。`)}>
            延长任期
          </button>
        </div>
      </div>
      <div className="card">
        <h3>医保部门成员（任命）</h3>
        <div className="toolbar">
          <select value={appointId} onChange={(e) => setAppointId(e.target.value ? Number(e.target.value) : '')} aria-label="选择医保部门成员">
            <option value="">选择成员库中的医保部门人员…</option>
            {(pool.data ?? [])
              .filter((p) => p.kind === 'bureau' && !p.sitting)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}（{p.role}）
                </option>
              ))}
          </select>
          <button type="button" disabled={appointId === ''} onClick={() => appointId !== '' && run(() => api.members.appoint({ poolMemberId: appointId, start: today() }), (m) => `已任命 ${m.name}。`)}>
            任命
          </button>
        </div>
      </div>
    </>
  );
}

// ---------------------------------------------------------------------------------------------

function PoolTab({ tick, run }: { tick: number; run: Run }) {
  const pool = useLoad(() => api.pool.list(), [tick]);
  const insts = useLoad(() => api.catalog.institutions(), []);
  const [form, setForm] = useState<{ kind: PoolKind; institution: string; name: string; role: string; title: string }>({ kind: 'hospital', institution: '', name: '', role: HOSPITAL_ROLES[0], title: '' });
  const [selected, setSelected] = useState<PoolMember | null>(null);
  const [reason, setReason] = useState('');
  const byInst = useMemo(() => new Map((insts.data ?? []).map((i: Institution) => [i.code, i])), [insts.data]);
  const cols: ColDef<PoolMember>[] = [
    { headerName: '姓名 ✎', field: 'name', width: 110, pinned: 'left', editable: true },
    { headerName: '类别', field: 'kind', width: 100, valueFormatter: (p) => ({ hospital: '医院', pharmacy: '药店', bureau: '医保部门' })[p.value as PoolKind] },
    { headerName: '机构编码', field: 'institution', width: 140 },
    { headerName: '单位', field: 'institutionName', flex: 1, minWidth: 180 },
    { headerName: '级别', field: 'band', width: 100 },
    { headerName: '机构类型', field: 'institutionType', width: 140 },
    { headerName: '职务 ✎', field: 'role', width: 110, editable: true },
    { headerName: '职称 ✎', field: 'title', width: 100, editable: true },
    {
      headerName: '抽选资格',
      width: 200,
      valueGetter: (p) => (!p.data ? '' : p.data.sitting ? '现任成员' : p.data.eligible ? '符合条件' : `不符合：${p.data.ineligibleReason}`),
      cellClass: (p) => (p.data && !p.data.eligible ? 'cell-warn' : ''),
    },
  ];
  const add = () =>
    run(
      () => api.pool.add({ member: { kind: form.kind, institution: form.kind === 'bureau' ? null : form.institution || null, name: form.name, role: form.role, title: form.title } }),
      (m) => `已加入成员库：${m.name}（${m.institutionName || m.role}）。`,
    ).then((m) => m && setForm((f) => ({ ...f, name: '', title: '' })));
  const importFile = async () => {
    const { path } = await api.dialog.open({ title: '导入成员库', filters: [{ name: '成员库（xlsx 或 csv）', extensions: ['xlsx', 'csv'] }] });
    if (!path) return;
    const r = await run(() => api.pool.import({ path }));
    if (r && r.errors.length === 0) await run(async () => r, () => `已导入 ${r.added} 名成员。`);
    else if (r) await run(async () => Promise.reject(new Error(`成员库文件有 ${r.errors.length} 处错误，未导入：${r.errors.slice(0, 3).map((e) => `第${e.row}行 ${e.message}`).join('；')}`)));
  };
  const hospitals = (insts.data ?? []).filter((i) => byInst.has(i.code));
  return (
    <>
      <div className="card">
        <h3>添加推荐人选</h3>
        <div className="form-row">
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as PoolKind, role: e.target.value === 'bureau' ? BUREAU_ROLES[0] : HOSPITAL_ROLES[0] })} aria-label="类别" data-testid="pool-kind">
            <option value="hospital">医院代表</option>
            <option value="pharmacy">药店代表</option>
            <option value="bureau">医保部门</option>
          </select>
          {form.kind === 'hospital' && (
            <select value={form.institution} onChange={(e) => setForm({ ...form, institution: e.target.value })} aria-label="机构" data-testid="pool-institution">
              <option value="">选择机构…</option>
              {hospitals.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.name}（{i.level}）
                </option>
              ))}
            </select>
          )}
          {form.kind === 'pharmacy' && <input placeholder="药店机构编码" value={form.institution} onChange={(e) => setForm({ ...form, institution: e.target.value })} />}
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
        </div>
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
              () => api.pool.update({ id: p.id, member: { kind: p.kind, institution: p.institution, institutionName: p.institutionName, name: p.name, role: p.role, title: p.title } }),
              (m) => `已保存：${m.name}（${m.role}）。`,
            )
          }
        />
        <div className="toolbar">
          <span className="muted">{selected ? `已选：${selected.name}` : '双击姓名、职务、职称可直接修改；点击一行以标注资格或删除。'}</span>
          <input placeholder="不符合条件的原因，如：第三方运维单位人员" value={reason} onChange={(e) => setReason(e.target.value)} style={{ minWidth: 280 }} />
          <button type="button" disabled={!selected} onClick={() => selected && run(() => api.pool.setEligibility({ id: selected.id, eligible: false, reason }), (m) => `${m.name} 已标注为不符合条件。`)}>
            标注不符合条件
          </button>
          <button type="button" disabled={!selected} onClick={() => selected && run(() => api.pool.setEligibility({ id: selected.id, eligible: true, reason: '' }), (m) => `${m.name} 已恢复为符合条件。`)}>
            恢复资格
          </button>
          <button type="button" disabled={!selected} onClick={() => selected && run(() => api.pool.remove({ id: selected.id }), () => `已从成员库删除 ${selected.name}。`).then(() => setSelected(null))}>
            删除
          </button>
        </div>
      </div>
    </>
  );
}

// ---------------------------------------------------------------------------------------------

function RulesTab({ run }: { run: Run }) {
  const loaded = useLoad(() => api.draw.rules(), []);
  const [rules, setRules] = useState<DrawRulesView | null>(null);
  useEffect(() => setRules(loaded.data), [loaded.data]);
  if (!rules) return null;
  const num = (v: string) => Math.max(0, Math.floor(Number(v) || 0));
  return (
    <div className="card" data-testid="rules-form">
      <h3>抽选规则</h3>
      <p className="muted">默认值依据《辽宁省医保数据工作组工作规则》第四条：医院代表不少于8人，三级医院不少于2人，二级医院不少于3人，一级医院及基层医疗卫生机构不少于3人，同一机构至多1人，覆盖不同级别、不同类型的机构。统筹区可按实施细则调整。</p>
      <div className="rules-grid">
        <label>
          医院代表席位
          <input type="number" min={8} value={rules.seats} onChange={(e) => setRules({ ...rules, seats: num(e.target.value) })} data-testid="rules-seats" />
        </label>
        {(['三级', '二级', '一级及基层'] as const).map((b) => (
          <label key={b}>
            {b === '一级及基层' ? '一级及基层 至少' : `${b}医院 至少`}
            <input type="number" min={0} value={rules.minimums[b]} onChange={(e) => setRules({ ...rules, minimums: { ...rules.minimums, [b]: num(e.target.value) } })} />
          </label>
        ))}
        <label>
          零售药店代表席位
          <input type="number" min={0} value={rules.pharmacySeats} onChange={(e) => setRules({ ...rules, pharmacySeats: num(e.target.value) })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={rules.coverTypes} onChange={(e) => setRules({ ...rules, coverTypes: e.target.checked })} />
          优先覆盖不同类型的机构
        </label>
      </div>
      <div className="actions right">
        <button type="button" className="primary" onClick={() => run(() => api.draw.setRules({ rules }), () => '抽选规则已保存。')} data-testid="rules-save">
          保存规则
        </button>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

function Hash({ label, value }: { label: string; value: string }) {
  return (
    <div className="hash">
      <div className="hash-label">{label}</div>
      <div className="hash-value" data-testid={`hash-${label}`}>
        {value ? value.match(/.{1,16}/g)!.join(' ') : '（无）'}
      </div>
    </div>
  );
}

function DrawTab({ run, replacement, onDone }: { run: Run; replacement: { memberId: number; name: string } | null; onDone: () => void }) {
  const [frozen, setFrozen] = useState<FrozenDraw | null>(null);
  const [leaveReason, setLeaveReason] = useState('');
  const [seed, setSeed] = useState('');
  const [witnesses, setWitnesses] = useState(['', '', '']);
  const [record, setRecord] = useState<DrawRecordView | null>(null);
  const [shown, setShown] = useState(0);
  const canonical = canonicalSeed(seed);

  useEffect(() => {
    if (!record || shown >= record.steps.length) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === ' ' || e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === 'Enter') {
        e.preventDefault();
        setShown((n) => Math.min(record.steps.length, n + 1));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [record, shown]);

  const freeze = () =>
    run(() => api.draw.freeze(replacement ? { kind: 'replacement', replacesMemberId: replacement.memberId, leaveReason } : { kind: 'initial' })).then((f) => {
      if (f) {
        setFrozen(f);
        setRecord(null);
        setShown(0);
      }
    });
  const execute = () =>
    frozen &&
    run(() => api.draw.execute({ drawId: frozen.id, seed, witnesses: witnesses.filter((w) => w.trim()) })).then((r) => {
      if (r) {
        setRecord(r);
        setShown(0);
        onDone();
      }
    });
  const exportJson = async () => {
    if (!record) return;
    const { path } = await api.dialog.save({ title: '导出抽选记录', defaultName: `抽选记录-${record.id}.json`, filters: [{ name: 'JSON', extensions: ['json'] }] });
    if (path) await run(() => api.draw.exportRecord({ drawId: record.id, path }), (r) => `抽选记录已导出：${r.path}（可用 docs/verify_draw.py 独立复核）`);
  };
  const printCertificate = async () => {
    const { path } = await api.dialog.save({ title: '打印抽选证书', defaultName: `抽选证书-${record?.id}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (path) await run(() => api.print.pdf({ path }), (r) => `抽选证书已保存：${r.path}`);
  };

  if (record) {
    const done = shown >= record.steps.length;
    return (
      <>
        <div className="ceremony" data-testid="ceremony-reveal">
          <div className="ceremony-head">
            <span>随机种子 {record.seedCanonical}</span>
            <span>
              第 {Math.min(shown, record.steps.length)} / {record.steps.length} 步
            </span>
          </div>
          <ol className="reveal">
            {record.steps.slice(0, shown).map((s, i) => (
              <li key={i} className={s.decision} data-testid="reveal-step">
                <span className="reveal-name">{s.institutionName}</span>
                <span className="reveal-meta">
                  {s.band} · {s.type}
                </span>
                <span className="reveal-decision">{s.decision === 'accepted' ? `入选 ${s.personName ?? ''}` : '跳过'}</span>
                <span className="reveal-reason">{s.reason}</span>
              </li>
            ))}
          </ol>
          {!done && (
            <div className="ceremony-actions">
              <button type="button" className="primary big" onClick={() => setShown((n) => n + 1)} data-testid="reveal-next">
                下一步（空格）
              </button>
              <button type="button" onClick={() => setShown(record.steps.length)} data-testid="reveal-all">
                全部显示
              </button>
            </div>
          )}
        </div>
        {done && <Certificate record={record} onExport={exportJson} onPrint={printCertificate} />}
      </>
    );
  }

  return (
    <div className="card ceremony-setup" data-testid="draw-setup">
      <h3>{replacement ? `补充抽选：${replacement.name} 退出` : '抽选工作组医院代表'}</h3>
      <ol className="steps">
        <li>
          <b>冻结成员库与规则。</b>冻结后公布下列哈希值；之后成员库的任何改动都不影响本次抽选。
          {replacement && <input placeholder="退出原因（如：工作调动）" value={leaveReason} onChange={(e) => setLeaveReason(e.target.value)} data-testid="leave-reason" style={{ marginLeft: 12, minWidth: 240 }} />}
          <button type="button" className="primary" onClick={freeze} style={{ marginLeft: 12 }} data-testid="draw-freeze">
            冻结
          </button>
        </li>
        {frozen && (
          <>
            <div className="frozen" data-testid="frozen">
              <Hash label="成员库哈希" value={frozen.poolHash} />
              <Hash label="规则哈希" value={frozen.rulesHash} />
              <Hash label="上一记录哈希" value={frozen.previousHash} />
              <div className="muted">
                冻结于 {formatDateTimeZh(frozen.frozenAt)}：{frozen.institutions} 家机构、{frozen.people} 名候选人；席位 {frozen.rules.seats} 名（三级≥{frozen.rules.minimums.三级}、二级≥{frozen.rules.minimums.二级}、一级及基层≥{frozen.rules.minimums.一级及基层}）
              </div>
              {frozen.infeasible.length > 0 && (
                <div className="banner error" data-testid="draw-infeasible">
                  成员库无法满足抽选规则，不能抽选：
                  <ul>
                    {frozen.infeasible.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
            <li>
              <b>现场产生随机种子。</b>例如冻结之后开奖的彩票全部号码，或多名见证人轮流掷骰子的结果，当场录入。
              <input className="seed-input" placeholder="例如：03 11 17 24 29 + 05" value={seed} onChange={(e) => setSeed(e.target.value)} data-testid="draw-seed" />
              <div className="muted">
                规范形式：<b className="mono">{canonical || '—'}</b>（{seedStrength(canonical)} 个有效字符，至少 {MIN_SEED_CHARS} 个）
              </div>
            </li>
            <li>
              <b>登记见证人</b>（纪检监察人员、医疗机构代表等，至少两名）
              <div className="form-row">
                {witnesses.map((w, i) => (
                  <input key={i} placeholder={`见证人${i + 1}`} value={w} onChange={(e) => setWitnesses(witnesses.map((x, j) => (j === i ? e.target.value : x)))} data-testid={`witness-${i}`} />
                ))}
              </div>
            </li>
            <li>
              <button type="button" className="primary big" disabled={frozen.infeasible.length > 0} onClick={execute} data-testid="draw-execute">
                开始抽选
              </button>
            </li>
          </>
        )}
      </ol>
    </div>
  );
}

function Certificate({ record, onExport, onPrint }: { record: DrawRecordView; onExport: () => void; onPrint: () => void }) {
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
        <dd>liangjiadi-draw-v1（见 docs/draw-algorithm.md；可用 verify_draw.py 独立复核）</dd>
      </dl>
      <div className="cert-sign">
        <span>召集人：</span>
        <span>见证人：</span>
        <span>日期：</span>
      </div>
      <div className="actions right no-print">
        <button type="button" onClick={onExport} data-testid="export-record">
          导出记录（JSON）
        </button>
        <button type="button" className="primary" onClick={onPrint} data-testid="print-certificate">
          保存证书（PDF）
        </button>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

function HistoryTab({ tick, run }: { tick: number; run: Run }) {
  const draws = useLoad(() => api.draw.list(), [tick]);
  const cols: ColDef<DrawRecordView>[] = [
    { headerName: '编号', field: 'id', width: 80 },
    { headerName: '类型', field: 'kind', width: 100, valueFormatter: (p) => (p.value === 'initial' ? '首次抽选' : '补充抽选') },
    { headerName: '状态', field: 'status', width: 100, valueFormatter: (p) => ({ frozen: '已冻结', drawn: '已完成', cancelled: '已作废' })[p.value as 'frozen'] },
    { headerName: '冻结时间', field: 'frozenAt', width: 180, valueFormatter: (p) => formatDateTimeZh(p.value as string) },
    { headerName: '抽选时间', field: 'drawnAt', width: 180, valueFormatter: (p) => (p.value ? formatDateTimeZh(p.value as string) : '—') },
    { headerName: '入选', valueGetter: (p) => p.data?.result.map((r) => r.name).join('、') ?? '', flex: 1, minWidth: 200 },
    { headerName: '记录哈希', field: 'recordHash', width: 160, valueFormatter: (p) => (p.value ? `${String(p.value).slice(0, 12)}…` : '—') },
  ];
  const verify = async () => {
    const { path } = await api.dialog.open({ title: '选择抽选记录（JSON）', filters: [{ name: '抽选记录', extensions: ['json'] }] });
    if (!path) return;
    const r = await run(() => api.draw.verify({ path }));
    if (r) await run(async () => (r.ok ? r : Promise.reject(new Error(`复核不通过：${r.problems.join('；')}`))), () => '复核通过：按记录中的成员库、规则和种子重新抽选，结果完全一致。');
  };
  return (
    <div className="card">
      <div className="toolbar">
        <h3 style={{ margin: 0 }}>抽选记录</h3>
        <button type="button" onClick={verify} data-testid="verify-record">
          复核一份抽选记录…
        </button>
      </div>
      <Grid rows={draws.data ?? []} columns={cols} height={360} testId="draws-grid" />
    </div>
  );
}
