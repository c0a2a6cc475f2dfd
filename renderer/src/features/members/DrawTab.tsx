// 抽选: the ceremony — the seed rule declared and the pool frozen (the announcement, published before
// the seed), the seed taken with witnesses, the steps revealed one by one, by seat or by level, and
// the certificate; a replacement draw when a member leaves.

import { useEffect, useState } from 'react';
import type { DrawRecordView, FrozenDraw } from '../../../../shared/domain/members';
import { checkSeed, describeSeedCheck, seedRuleProblems } from '../../../../shared/draw/seed-rule';
import type { SeedRuleView } from '../../../../shared/domain/members';
import { Announcement } from './Announcement';
import { AnnouncementNotice } from './AnnouncementNotice';
import { DEFAULT_SEED_RULE, SeedRuleForm } from './SeedRuleForm';
import { api } from '../../api';
import { type Run } from './run';
import { Certificate } from './Certificate';
import { bandGroups, RevealByBand } from './RevealByBand';
import { FreezeProgress } from './FreezeProgress';
import { RevealSteps } from './RevealSteps';

export function DrawTab({ run, replacement, onDone }: { run: Run; replacement: { memberId: number; name: string } | null; onDone: () => void }) {
  const [frozen, setFrozen] = useState<FrozenDraw | null>(null);
  const [leaveReason, setLeaveReason] = useState('');
  const [seed, setSeed] = useState('');
  const [witnesses, setWitnesses] = useState(['', '', '']);
  const [record, setRecord] = useState<DrawRecordView | null>(null);
  const [shown, setShown] = useState(0);
  // revealing by level instead of step by step: how many levels are shown (0: not in this mode)
  const [bands, setBands] = useState(0);
  const revealBand = (r: DrawRecordView, n: number) => {
    setBands(n + 1);
    // the last level shown ends the ceremony: the full walk and the certificate appear
    if (n + 1 >= bandGroups(r).length) setShown(r.steps.length);
  };
  const [seedRule, setSeedRule] = useState<SeedRuleView>(DEFAULT_SEED_RULE);
  const [cancelReason, setCancelReason] = useState('');
  const seedCheck = frozen?.seedRule ? checkSeed(seed, frozen.seedRule) : null;
  const seedNote = describeSeedCheck(seedCheck);

  useEffect(() => {
    if (!record || shown >= record.steps.length) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === ' ' || e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === 'Enter') {
        e.preventDefault();
        setShown((n) => Math.min(record.steps.length, n + 1));
      } else if (e.key === 's' || e.key === 'S') {
        e.preventDefault();
        setShown((n) => nextSeat(record, n));
      } else if (e.key === 'b' || e.key === 'B') {
        e.preventDefault();
        setBands(bands + 1);
        if (bands + 1 >= bandGroups(record).length) setShown(record.steps.length);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [record, shown, bands]);

  // freezing a large pool takes seconds (the announcement's 1,000 simulated draws): said while it runs
  const [freezing, setFreezing] = useState(false);
  const freeze = () => {
    setFreezing(true);
    return run(() =>
      api.draw.freeze(replacement ? { kind: 'replacement', replacesMemberId: replacement.memberId, leaveReason, seedRule } : { kind: 'initial', seedRule }),
    )
      .then((f) => {
        if (f) {
          setFrozen(f);
          setRecord(null);
          setShown(0);
        }
      })
      .finally(() => setFreezing(false));
  };
  const execute = () =>
    frozen &&
    run(() => api.draw.execute({ drawId: frozen.id, seed, witnesses: witnesses.filter((w) => w.trim()) })).then((r) => {
      if (r) {
        setRecord(r);
        setShown(0);
        setBands(0);
        onDone();
      }
    });
  const exportJson = async () => {
    if (!record) return;
    const { path } = await api.dialog.save({
      title: '导出抽选记录',
      defaultName: `抽选记录-${record.id}.json`,
      filters: [{ name: '抽选记录', extensions: ['json'] }],
    });
    if (path)
      await run(
        () => api.draw.exportRecord({ drawId: record.id, path }),
        (r) => `抽选记录已导出：${r.path}（可用独立复核程序核对）`,
      );
  };
  // printing the announcement: the page shows only the formal notice (print stylesheet)
  const [printing, setPrinting] = useState(false);
  const printAnnouncement = async () => {
    const { path } = await api.dialog.save({
      title: '保存抽选公告',
      defaultName: `抽选公告-第${frozen?.id}号.pdf`,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (!path) return;
    setPrinting(true);
    // let the open odds table render before the page is printed
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await run(
      () => api.print.pdf({ path }),
      (r) => `抽选公告已保存：${r.path}`,
    );
    setPrinting(false);
  };
  const exportAnnouncement = async () => {
    if (!frozen) return;
    const { path } = await api.dialog.save({
      title: '导出抽选公告',
      defaultName: `抽选公告-第${frozen.id}号.json`,
      filters: [{ name: '抽选公告', extensions: ['json'] }],
    });
    if (path)
      await run(
        () => api.draw.exportAnnouncement({ drawId: frozen.id, path }),
        (r) => `抽选公告已导出：${r.path}（复核时与抽选记录一并核对）`,
      );
  };
  const cancel = async () => {
    if (!frozen) return;
    const r = await run(
      () => api.draw.cancel({ drawId: frozen.id, reason: cancelReason }),
      () => `抽选公告第 ${frozen.id} 号已作废（原因记入抽选记录链）。`,
    );
    if (r) {
      setFrozen(null);
      setCancelReason('');
    }
  };
  const printCertificate = async () => {
    const { path } = await api.dialog.save({
      title: '打印抽选证书',
      defaultName: `抽选证书-${record?.id}.pdf`,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (path)
      await run(
        () => api.print.pdf({ path }),
        (r) => `抽选证书已保存：${r.path}`,
      );
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
          {bands > 0 && !done && <RevealByBand record={record} count={bands} />}
          <RevealSteps steps={record.steps} shown={Math.min(shown, record.steps.length)} hidden={bands > 0 && !done} />
          {!done && (
            <div className="ceremony-actions">
              <button type="button" className="primary big" onClick={() => setShown((n) => n + 1)} data-testid="reveal-next">
                下一步（空格）
              </button>
              <button type="button" onClick={() => setShown((n) => nextSeat(record, n))} data-testid="reveal-seat">
                揭晓下一个席位（S）
              </button>
              <button type="button" onClick={() => revealBand(record, bands)} data-testid="reveal-band-next">
                揭晓下一级别（B）
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
    <div className={`card ceremony-setup${printing ? ' printing-announcement' : ''}`} data-testid="draw-setup">
      {/* printed alone: the formal notice, not this card */}
      {printing && frozen && <AnnouncementNotice frozen={frozen} />}
      <h3>{replacement ? `补充抽选：${replacement.name} 退出` : '抽选工作组医院代表'}</h3>
      <ol className="steps">
        <li>
          <b>事先公布随机种子规则，冻结成员库与规则。</b>
          冻结即生成抽选公告（含公告哈希与各机构入选概率），应在种子产生之前公布；之后成员库的任何改动都不影响本次抽选。
          <SeedRuleForm rule={seedRule} onChange={setSeedRule} />
          {/* under the seed rule and its hint, at the step's left edge */}
          <div className="form-row">
            {replacement && (
              <input
                placeholder="退出原因（如：工作调动）"
                value={leaveReason}
                onChange={(e) => setLeaveReason(e.target.value)}
                data-testid="leave-reason"
                style={{ minWidth: 240 }}
              />
            )}
            <button type="button" className="primary" onClick={freeze} disabled={freezing || seedRuleProblems(seedRule).length > 0} data-testid="draw-freeze">
              {freezing ? '正在冻结…' : '冻结'}
            </button>
          </div>
          {freezing && <FreezeProgress />}
        </li>
        {frozen && (
          <>
            <Announcement frozen={frozen} open={printing} />
            <div className="form-row no-print">
              <button type="button" onClick={printAnnouncement} data-testid="print-announcement">
                保存抽选公告（PDF）
              </button>
              <button type="button" onClick={exportAnnouncement} data-testid="export-announcement">
                导出抽选公告文件
              </button>
              <input
                placeholder="作废原因（如：成员库有误）"
                value={cancelReason}
                onChange={(e) => setCancelReason(e.target.value)}
                data-testid="cancel-reason"
              />
              <button type="button" onClick={cancel} data-testid="draw-cancel">
                作废本次冻结
              </button>
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
            <li>
              <b>现场产生随机种子。</b>按抽选公告的规定当场录入：
              {frozen.seedRule ? `${frozen.seedRule.source}，${frozen.seedRule.count} 个号码、每个 ${frozen.seedRule.digits} 位` : ''}。
              <input
                className="seed-input"
                placeholder={
                  frozen.seedRule ? Array.from({ length: frozen.seedRule.count }, (_, i) => String(i + 1).padStart(frozen.seedRule!.digits, '0')).join(' ') : ''
                }
                value={seed}
                onChange={(e) => setSeed(e.target.value)}
                data-testid="draw-seed"
              />
              <div className={seed && seedNote.bad ? 'muted warn' : 'muted'} data-testid="seed-check">
                {seed ? seedNote.text : ''}
              </div>
            </li>
            <li>
              <b>登记见证人</b>（纪检监察人员、医疗机构代表等，至少两名）
              <div className="form-row">
                {witnesses.map((w, i) => (
                  <input
                    key={i}
                    placeholder={`见证人${i + 1}`}
                    value={w}
                    onChange={(e) => setWitnesses(witnesses.map((x, j) => (j === i ? e.target.value : x)))}
                    data-testid={`witness-${i}`}
                  />
                ))}
              </div>
            </li>
            <li>
              <button
                type="button"
                className="primary big"
                disabled={frozen.infeasible.length > 0 || !seedCheck || 'error' in seedCheck}
                onClick={execute}
                data-testid="draw-execute"
              >
                开始抽选
              </button>
            </li>
          </>
        )}
      </ol>
    </div>
  );
}

/** The number of steps shown once the next accepted step (the next seat filled) is revealed. */
function nextSeat(record: DrawRecordView, shown: number): number {
  const i = record.steps.findIndex((s, k) => k >= shown && s.decision === 'accepted');
  return i < 0 ? record.steps.length : i + 1;
}
