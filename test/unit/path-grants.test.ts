// The page can only use paths the user picked: tokens from dialogs, of the right kind, once, in time.
import { describe, expect, it } from 'vitest';
import { PathGrants } from '../../electron/main/path-grants';

describe('path grants', () => {
  it('swaps a dialog token for its path, once, for the kind of access given', () => {
    let t = 0;
    const g = new PathGrants(() => t);
    const save = g.grant('/home/甲/报告.pdf', 'save');
    expect(save).toMatch(/^ljd-grant:[0-9a-f]{32}$/);
    const r = g.resolve('reports.export', { request: {}, format: 'pdf', path: save });
    expect(r).toMatchObject({ ok: true, input: { path: '/home/甲/报告.pdf', format: 'pdf' }, used: [save] });
    // a failed attempt may retry; a successful one spends the token
    expect(g.resolve('reports.export', { path: save }).ok).toBe(true);
    g.consume([save]);
    expect(g.resolve('reports.export', { path: save }).ok).toBe(false);
    // a save token does not open a file for reading, a raw path is refused, tokens expire
    const save2 = g.grant('/etc/passwd', 'save');
    expect(g.resolve('import.prepare', { path: save2 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(g.resolve('import.prepare', { path: '/etc/shadow' }).ok).toBe(false);
    const open = g.grant('/home/甲/数据包.zip', 'open');
    t += 16 * 60_000;
    expect(g.resolve('import.prepare', { path: open }).ok).toBe(false);
    // a folder for the batch export; inputs without paths pass unchanged
    const folder = g.grant('/home/甲/月告知', 'folder');
    expect(g.resolve('reports.exportBatch', { type: '月告知', period: '2025-11', format: 'pdf', dir: folder })).toMatchObject({
      ok: true,
      input: { dir: '/home/甲/月告知' },
    });
    expect(g.resolve('analysis.flags', { period: '2025-11' })).toEqual({ ok: true, input: { period: '2025-11' }, used: [] });
    // the workspace the app started with may be named directly, for opening only
    g.allow('/home/甲/示范市.ljd', 'open');
    expect(g.resolve('workspace.open', { path: '/home/甲/示范市.ljd', password: 'x' })).toMatchObject({ ok: true, used: [] });
    expect(g.resolve('export.table', { path: '/home/甲/示范市.ljd' }).ok).toBe(false);
  });
});
