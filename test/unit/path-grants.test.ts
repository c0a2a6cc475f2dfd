// The page can only use paths the user picked: tokens from dialogs, of the right kind, once, in time.
import { describe, expect, it } from 'vitest';
import { openKind, PathGrants } from '../../electron/main/path-grants';

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
    g.allow('/home/甲/示范市.ljd', 'workspace');
    expect(g.resolve('workspace.open', { path: '/home/甲/示范市.ljd', password: 'x' })).toMatchObject({ ok: true, used: [] });
    expect(g.resolve('export.table', { path: '/home/甲/示范市.ljd' }).ok).toBe(false);
  });

  it('opens a workspace only with a grant from the workspace dialog, never with an import pick', () => {
    const g = new PathGrants();
    // an open dialog offering packages grants reading; one offering .ljd only grants a workspace
    expect(openKind([{ extensions: ['zip', 'xlsx'] }])).toBe('open');
    expect(openKind([{ extensions: ['ljd'] }])).toBe('workspace');
    expect(openKind([])).toBe('open');
    const importPick = g.grant('/home/甲/别人的.ljd', openKind([{ extensions: ['zip', 'xlsx', 'ljd'] }]));
    expect(g.resolve('workspace.open', { path: importPick })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(g.resolve('import.prepare', { path: importPick }).ok).toBe(true);
    const ws = g.grant('/home/甲/示范市.ljd', openKind([{ extensions: ['ljd'] }]));
    expect(g.resolve('workspace.open', { path: ws })).toMatchObject({ ok: true, input: { path: '/home/甲/示范市.ljd' } });
    expect(g.resolve('import.prepare', { path: ws }).ok).toBe(false);
    // a dropped file (an 'open' grant) cannot be opened as a workspace either
    expect(g.resolve('workspace.open', { path: g.grant('/tmp/dropped.db', 'open') }).ok).toBe(false);
  });
});
