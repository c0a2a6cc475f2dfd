import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPool } from '../../electron/services/pool/pool-service';
import { closeBrowser, openApp, type Harness } from './harness';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
// read by another program: the header row the import expects, the drop-down lists, the instructions
const READ = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print(json.dumps({"sheets": wb.sheetnames, "header": [c.value for c in ws[1]], "rows": ws.max_row,
  "lists": sorted({str(v.formula1) for v in ws.data_validations.dataValidation}), "institutions": wb["机构名单"].max_row - 1}, ensure_ascii=False))
`;

// The demo from an empty pool to a committee revealed level by level: the recommendation template
// for the institutions, the sample recommendation workbook imported through the file import, the
// draw revealed by level (B), and a certificate that says how to verify it and with what.
describe('the demo pool and the draw by level in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openApp({ viewport: { width: 1366, height: 768 } });
    await h.page.getByTestId('nav-members').click();
    await h.page.getByTestId('tab-pool').click();
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  it('writes the blank template, then fills the demo pool from the sample workbook', async () => {
    const p = h.page;
    h.dialogs.save = join(h.dir, '推荐表模板.xlsx');
    await p.getByTestId('pool-template').click();
    await p.getByText('推荐表模板已保存').waitFor();
    const r = spawnSync(PYTHON, ['-c', READ, h.dialogs.save], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const t = JSON.parse(r.stdout) as { sheets: string[]; header: string[]; rows: number; lists: string[]; institutions: number };
    expect(t.sheets).toEqual(['推荐表', '填写说明', '机构名单']);
    expect(t.header).toEqual(['类别', '机构编码', '机构名称', '姓名', '职务', '职称']);
    expect(t.lists.some((l) => l.includes('医院,药店,医保部门'))).toBe(true);
    expect(t.institutions).toBe(h.session.db.conn.prepare('SELECT count(*) FROM institutions').pluck().get());
    expect(listPool(h.session.db)).toHaveLength(0);

    await p.getByTestId('pool-sample-hint').waitFor();
    await h.screenshot('15-pool-empty-demo');
    h.dialogs.save = join(h.dir, '示范推荐表.xlsx');
    await p.getByTestId('pool-sample').click();
    await p.getByText('示范推荐表已保存', { exact: false }).waitFor();
    const pool = listPool(h.session.db);
    expect(pool.length).toBeGreaterThan(30);
    expect(await p.getByTestId('members-message').textContent()).toContain(`导入 ${pool.length} 名成员`);
    expect(new Set(pool.map((m) => m.kind))).toEqual(new Set(['hospital', 'pharmacy', 'bureau']));
    // never more than two from one institution (the rule the import enforces)
    const per = new Map<string, number>();
    for (const m of pool) if (m.institution) per.set(m.institution, (per.get(m.institution) ?? 0) + 1);
    expect(Math.max(...per.values())).toBeLessThanOrEqual(2);
    await expect(p.getByTestId('pool-sample-hint').count()).resolves.toBe(0);
    await h.screenshot('16-pool-demo-filled');
  });

  it('reveals the committee level by level and explains how to verify it', async () => {
    const p = h.page;
    await p.getByTestId('tab-draw').click();
    // the seed rule is declared before freezing, in the announcement
    await p.getByTestId('seed-source').fill('福利彩票“双色球”2025年第130期开奖号码');
    await p.getByTestId('draw-freeze').click();
    await p.getByTestId('frozen').waitFor();
    await p.getByTestId('draw-seed').fill('03 11 17 24 29 31 + 05');
    await p.getByTestId('witness-0').fill('纪检监察室 张某');
    await p.getByTestId('witness-1').fill('医院代表 李某');
    await p.getByTestId('draw-execute').click();
    await p.getByTestId('ceremony-reveal').waitFor();
    await p.keyboard.press('b');
    await expect(p.getByTestId('reveal-band').count()).resolves.toBe(1);
    await expect(p.getByTestId('reveal-band').first().textContent()).resolves.toContain('三级医疗机构');
    await h.screenshot('17-draw-reveal-by-level');
    await p.getByTestId('reveal-band-next').click();
    await expect(p.getByTestId('reveal-band').count()).resolves.toBe(2);
    // the last level ends the ceremony: the certificate with every seat
    for (let i = 0; i < 5 && (await p.getByTestId('certificate').count()) === 0; i++) await p.keyboard.press('b');
    await p.getByTestId('certificate').waitFor();
    const seats = await p.locator('[data-testid="cert-result"] tbody tr').count();
    expect(seats).toBeGreaterThan(0);
    const verify = await p.getByTestId('cert-verify').textContent();
    expect(verify).toContain('verify_draw.py');
    expect(verify).toContain('复核通过');
    expect(verify).not.toContain('docs/');
    await h.screenshot('18-draw-certificate-verify');
  });
});
