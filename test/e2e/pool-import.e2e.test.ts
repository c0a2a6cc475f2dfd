import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allValues } from '../../electron/services/db/connection';
import { listPool } from '../../electron/services/pool/pool-service';
import { closeBrowser, openApp, type Harness } from './harness';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
// a recommendation sheet as another program writes it (openpyxl), rows given as JSON
const WRITE = `
import json, sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "推荐表"
ws.append(["类别", "机构编码", "机构名称", "姓名", "职务", "职称"])
for row in json.loads(sys.argv[2]):
    ws.append(row)
wb.save(sys.argv[1])
`;

// The member pool's file import through the 成员库 tab: a sheet with a bad row is refused whole and
// says which row and why; the corrected sheet imports, and the pool is read once afterwards.
describe('importing the member pool in Chromium', () => {
  let h: Harness;
  let codes: string[];
  const sheet = (name: string, rows: string[][]) => {
    const path = join(h.dir, name);
    const r = spawnSync(PYTHON, ['-c', WRITE, path, JSON.stringify(rows)], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return path;
  };
  beforeAll(async () => {
    h = await openApp({ viewport: { width: 1366, height: 768 } });
    codes = allValues<string>(h.session.db, 'SELECT code FROM institutions ORDER BY code LIMIT 2');
    await h.page.getByTestId('nav-members').click();
    await h.page.getByTestId('tab-pool').click();
    // every call the page makes, by channel
    await h.page.evaluate(() => {
      const w = window as unknown as { __ljInvoke: (c: string, i: unknown) => Promise<unknown>; __calls: string[] };
      const invoke = w.__ljInvoke;
      w.__calls = [];
      w.__ljInvoke = (c, i) => (w.__calls.push(c), invoke(c, i));
    });
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });
  const calls = () => h.page.evaluate(() => (window as unknown as { __calls: string[] }).__calls.splice(0));

  it('refuses a sheet with an unknown institution, naming the row, and adds nobody', async () => {
    h.dialogs.open = sheet('有误的推荐表.xlsx', [
      ['医院', codes[0]!, '', '王建国', '院领导', '主任医师'],
      ['医院', 'H00000000999', '', '李卫东', '医保办', ''],
    ]);
    await h.page.getByTestId('pool-import').click();
    const message = h.page.getByTestId('members-message');
    await expect(message.textContent()).resolves.toContain(
      '成员库文件“有误的推荐表.xlsx”（工作表“推荐表”）有 1 处错误，未导入：第 3 行 B 列，机构编码 H00000000999 不在机构名单中。',
    );
    await expect(message.locator('.hint').textContent()).resolves.toBe('请先导入包含该机构的数据包，或核对编码。');
    expect(listPool(h.session.db)).toHaveLength(0);
    await h.screenshot('18-pool-import-refused');
  });

  it('imports the corrected sheet, and reads the pool once afterwards', async () => {
    await calls();
    h.dialogs.open = sheet('推荐表.xlsx', [
      ['医院', codes[0]!, '', '王建国', '院领导', '主任医师'],
      ['医院', codes[1]!, '', '李卫东', '医保办', ''],
    ]);
    await h.page.getByTestId('pool-import').click();
    await h.page.getByTestId('members-message').getByText('已导入 2 名成员。', { exact: true }).waitFor();
    await h.page.locator('[data-testid="pool-grid"] .ag-cell[col-id="name"]', { hasText: '李卫东' }).waitFor();
    expect(listPool(h.session.db).map((m) => m.name)).toEqual(expect.arrayContaining(['王建国', '李卫东']));
    expect((await calls()).filter((c) => c === 'pool.list')).toHaveLength(1);
  });
});
