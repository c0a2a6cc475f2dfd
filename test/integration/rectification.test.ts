// 整改事项 on the demo region, through the dispatch (the IPC handlers) and the service: red flags and
// red grades made items in one step and only once, 反馈 due 30 days after, the loop's order and its
// refusals, audit rows; 警示清单 read back with openpyxl, 整改通知 with pdftotext and the CLI.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flags } from '../../electron/services/analysis/flags';
import { allRows, getValue } from '../../electron/services/db/connection';
import { scorePeriod } from '../../electron/services/evaluation/evaluation-service';
import { openOrCreateDemo } from '../../electron/services/host/bootstrap';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import { addFinding, itemView, recordStep } from '../../electron/services/rectification/rectification-service';
import { reportCommand } from '../../electron/cli/report-commands.node';
import { verifyAuditChain } from '../../electron/services/audit/audit';
import type { CreatedItems, RectificationView } from '../../shared/domain/rectification';
import { formatValue } from '../../shared/format';

const DEMO = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');
const PERIOD = '2025-11';

describe('整改事项: the 评议—反馈—整改—复查 loop', () => {
  let dir: string;
  let session: WorkspaceSession;
  const ctx = () => ({ session, actor: '整改测试', progress: () => undefined });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await dispatch(channel, input, ctx());
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  const audits = (action: string) => getValue<number>(session.db, 'SELECT count(*) FROM audit_log WHERE action = ?', action) ?? 0;

  beforeAll(async () => {
    // one workspace for the whole file (helpers/temp removes its dirs after each test)
    dir = join(mkdtempSync(join(tmpdir(), 'liangjiadi-rectification-')), 'out');
    mkdirSync(dir, { recursive: true });
    session = new WorkspaceSession();
    await openOrCreateDemo(session, { workspacePath: join(dir, '..', 'demo.ljd'), demoPackage: DEMO, actor: '整改测试' });
  }, 60_000);
  afterAll(() => {
    session?.close();
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('makes every red flag of the period an item once, with the flag’s figures frozen in its reason', async () => {
    // the red flags computed afresh from the values (not the served list the service reads)
    const red = flags(session.db, PERIOD).filter((f) => f.level === 'red');
    expect(red.length).toBeGreaterThan(0);
    const first = await call<CreatedItems>('rectification.fromFlags', { period: PERIOD });
    expect(first).toEqual({ created: red.length, skipped: 0, found: red.length });
    expect(audits('rectification.create')).toBe(red.length);
    // again: nothing made twice
    const again = await call<CreatedItems>('rectification.fromFlags', { period: PERIOD });
    expect(again).toEqual({ created: 0, skipped: red.length, found: red.length });
    expect(audits('rectification.create')).toBe(red.length);
    const f = red[0]!;
    const items = await call<RectificationView[]>('rectification.list', { institution: f.institution });
    const item = items.find((i) => i.source === 'flag' && i.reason.includes(f.indicatorName))!;
    expect(item.state).toBe('待反馈');
    expect(item.reason).toContain('2025年11月');
    expect(item.reason).toContain(formatValue(f.value, f.unit, { withUnit: true }));
    expect(item.reason).toContain('红色预警阈值');
    const stored = JSON.parse(getValue<string>(session.db, 'SELECT figures FROM rectifications WHERE id = ?', item.id)!) as {
      value: number;
      indicator: string;
    };
    expect(stored).toMatchObject({ value: f.value, indicator: f.indicator });
  });

  it('makes every red grade of the period an item once, naming the total and the indicators below the line', async () => {
    const red = scorePeriod(session.db, PERIOD).filter((h) => h.level === 'red');
    expect(red.length).toBeGreaterThan(0);
    const first = await call<CreatedItems>('rectification.fromGrades', { period: PERIOD });
    expect(first).toEqual({ created: red.length, skipped: 0, found: red.length });
    expect((await call<CreatedItems>('rectification.fromGrades', { period: PERIOD })).created).toBe(0);
    const h = red[0]!;
    const item = (await call<RectificationView[]>('rectification.list', { institution: h.institution })).find((i) => i.source === 'grade')!;
    expect(item.reason).toContain(`总分 ${h.total.toFixed(2)} 分`);
    expect(item.reason).toContain(`第 ${h.rank}/${h.of} 名`);
  });

  it('sets 反馈 due 30 days after the item is made and counts the days it is overdue', () => {
    const code = getValue<string>(session.db, 'SELECT code FROM institutions ORDER BY code LIMIT 1')!;
    const v = addFinding(session.db, { institution: code, text: '病案首页主要诊断填写不规范，高编高套 12 例。' }, '整改测试', '2026-01-15');
    expect(v.createdDate).toBe('2026-01-15');
    expect(v.feedbackDue).toBe('2026-02-14');
    expect(v.overdueDays).toBe(0);
    expect(getValue<string>(session.db, 'SELECT feedback_due FROM rectifications WHERE id = ?', v.id)).toBe('2026-02-14');
    // seen on 2026-02-20: six days over; on the due date itself, not yet
    expect(itemView(session.db, v.id, '2026-02-20').overdueDays).toBe(6);
    expect(itemView(session.db, v.id, '2026-02-14').overdueDays).toBe(0);
  });

  it('moves through the loop in order only, with dates, text and an audit row per step; a failed 复查 goes back to 整改中', async () => {
    const code = getValue<string>(session.db, 'SELECT code FROM institutions ORDER BY code DESC LIMIT 1')!;
    const v = await call<RectificationView>('rectification.addFinding', { institution: code, text: '次均住院费用连续三个月环比上升超过 20%。' });
    const steps0 = audits('rectification.step');
    const refuse = async (input: unknown, message: RegExp) => {
      const r = await dispatch('rectification.step', input, ctx());
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
    };
    const d = v.createdDate;
    await refuse({ id: v.id, to: '整改中', date: d, text: '已整改' }, /“待反馈”的整改事项不能改为“整改中”/);
    await refuse({ id: v.id, to: '已关闭', date: d, text: '' }, /不能改为“已关闭”/);
    await refuse({ id: v.id, to: '已反馈', date: d, text: '  ' }, /请填写医疗机构的反馈内容/);
    await refuse({ id: v.id, to: '已反馈', date: '2020-01-01', text: '说明' }, /早于上一步的日期/);
    await refuse({ id: v.id, to: '已反馈', date: '2999-01-01', text: '说明' }, /晚于今天/);
    expect(audits('rectification.step')).toBe(steps0);
    let s = await call<RectificationView>('rectification.step', { id: v.id, to: '已反馈', date: d, text: '已核实，系部分病例编码错误。' });
    expect([s.state, s.feedbackDate, s.feedbackText]).toEqual(['已反馈', d, '已核实，系部分病例编码错误。']);
    s = await call<RectificationView>('rectification.step', { id: v.id, to: '整改中', date: d, text: '组织编码培训，重新上传结算清单。' });
    expect([s.state, s.rectifyDate]).toEqual(['整改中', d]);
    s = await call<RectificationView>('rectification.step', { id: v.id, to: '待复查', date: d, text: '' });
    expect([s.state, s.rectifiedDate]).toEqual(['待复查', d]);
    await refuse({ id: v.id, to: '整改中', date: d, text: '' }, /请填写复查结果/);
    s = await call<RectificationView>('rectification.step', { id: v.id, to: '整改中', date: d, text: '仍有 3 例编码错误。' });
    expect([s.state, s.reviewPassed, s.reviewResult]).toEqual(['整改中', false, '仍有 3 例编码错误。']);
    expect((await call<RectificationView>('rectification.step', { id: v.id, to: '待复查', date: d, text: '已全部更正。' })).state).toBe('待复查');
    s = await call<RectificationView>('rectification.step', { id: v.id, to: '已关闭', date: d, text: '复查通过。' });
    expect([s.state, s.reviewPassed, s.closedDate]).toEqual(['已关闭', true, d]);
    await refuse({ id: v.id, to: '整改中', date: d, text: '再改' }, /已关闭/);
    expect(s.history.map((h) => h.to)).toEqual(['待反馈', '已反馈', '整改中', '待复查', '整改中', '待复查', '已关闭']);
    expect(audits('rectification.step')).toBe(steps0 + 6);
    expect(verifyAuditChain(session.db).ok).toBe(true);
    expect(() => recordStep(session.db, 999_999, { to: '已反馈', date: d, text: 'x' }, '整改测试')).toThrow(/整改事项不存在/);
  });

  it('警示清单 lists each item with its reason and its loop dates (read back with openpyxl)', async () => {
    const path = join(dir, '警示清单.xlsx');
    const r = await call<{ rows: number; id: string }>('meetings.exportList', { kind: '警示清单', path });
    const items = await call<RectificationView[]>('rectification.list', {});
    expect(r.rows).toBe(items.length);
    const cells = JSON.parse(
      execFileSync(
        '/usr/bin/python3',
        [
          '-c',
          'import openpyxl,json,sys;ws=openpyxl.load_workbook(sys.argv[1]).active;print(json.dumps([[c for c in r] for r in ws.iter_rows(values_only=True)],ensure_ascii=False,default=str))',
          path,
        ],
        { encoding: 'utf8' },
      ),
    ) as (string | null)[][];
    const header = cells.findIndex((row) => row[0] === '序号');
    expect(cells[header]).toEqual(['序号', '机构', '来源', '原因（含数据）', '登记日期', '反馈期限', '反馈', '整改', '复查', '关闭日期', '状态']);
    const body = cells.slice(header + 1);
    expect(body).toHaveLength(items.length);
    const flag = items.find((i) => i.source === 'flag')!;
    const row = body.find((x) => x[3] === flag.reason)!;
    expect(row[2]).toContain('变化预警');
    expect(row[5]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    // the closed item of the loop test: its 复查 and closing dates are there
    expect(body.some((x) => String(x[8]).includes('未通过') || String(x[8]).includes('通过'))).toBe(true);
    expect(cells.flat().join('')).toContain(r.id);
  });

  it('整改通知 names each open item of the hospital, its reason and its feedback date, stamped and registered (pdftotext; CLI)', async () => {
    const code = allRows<{ institution: string }>(
      session.db,
      "SELECT institution FROM rectifications WHERE source = 'flag' AND state = '待反馈' GROUP BY institution ORDER BY count(*) DESC LIMIT 1",
    )[0]!.institution;
    const open = (await call<RectificationView[]>('rectification.list', { institution: code })).filter((i) => i.state !== '已关闭');
    const path = join(dir, '整改通知.pdf');
    const rec = await call<{ id: string; items: number }>('rectification.exportNotice', { institution: code, format: 'pdf', path });
    expect(rec.items).toBe(open.length);
    const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('整改通知');
    const [y, m, d] = open[0]!.feedbackDue.split('-').map(Number);
    expect(text).toContain(`${y}年${m}月${d}日`);
    // the first words of a flag's reason: the period and the indicator
    const flag = open.find((i) => i.source === 'flag')!;
    expect(text).toContain(flag.reason.slice(0, 16).replace(/\s+/g, ''));
    expect(text).toContain(rec.id);
    // the 落款: the region's issuing body
    expect(text).toContain('示范市医疗保障局');
    expect(getValue<string>(session.db, 'SELECT type FROM exports WHERE id = ?', rec.id)).toBe('整改通知');
    // the command line makes the same document (docx here)
    const cli = await reportCommand(session, { type: '整改通知', institution: code, out: dir, format: 'docx' }, '命令行', () => undefined);
    expect(cli.text).toContain(`已生成整改通知（${open.length} 项整改事项）`);
    // a hospital without open items is refused with the reason
    const none = getValue<string>(session.db, 'SELECT code FROM institutions WHERE code NOT IN (SELECT institution FROM rectifications) LIMIT 1')!;
    const r = await dispatch('rectification.exportNotice', { institution: none, format: 'pdf', path: join(dir, 'x.pdf') }, ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('没有未关闭的整改事项');
  }, 60_000);
});
