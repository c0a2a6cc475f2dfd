// A reviewer's confirmation is for one call: its ticket names the operation, the input's digest and
// the workspace; it is used once, expires two minutes after the reviewer confirmed (a refusal waits
// ten minutes for the reviewer), and the digest does not depend on the order of the input's keys.
import { describe, expect, it } from 'vitest';
import { callDigest, CONFIRM_MS, ConfirmationTickets } from '../../electron/services/security/tickets';
import { waitAfter } from '../../electron/services/security/attempts';

describe('confirmation tickets', () => {
  it('binds, expires and is used once', () => {
    let now = 1_000_000;
    const t = new ConfirmationTickets(() => now);
    const d = callDigest('export.table', { path: '/a.xlsx', rows: [[1]] });
    const id = t.issue('export.table', d, '1:/w.ljd', '导出各机构数据');
    expect(t.take('export.table', d, '1:/w.ljd')).toBeNull(); // not confirmed yet
    expect(t.confirm(id, '1:/w.ljd', '王某')).toEqual({ what: '导出各机构数据', until: now + CONFIRM_MS });
    expect(t.take('export.table', d, '2:/w.ljd')).toBeNull(); // another workspace (or the same reopened)
    expect(t.take('export.table', callDigest('export.table', { path: '/b.xlsx', rows: [[1]] }), '1:/w.ljd')).toBeNull();
    expect(t.take('pool.remove', d, '1:/w.ljd')).toBeNull();
    now += CONFIRM_MS;
    expect(t.take('export.table', d, '1:/w.ljd')).toBe('王某');
    expect(t.take('export.table', d, '1:/w.ljd')).toBeNull(); // used
    // expired: confirmed, then more than two minutes pass
    const late = t.issue('export.table', d, '1:/w.ljd', 'x');
    t.confirm(late, '1:/w.ljd', '王某');
    now += CONFIRM_MS + 1;
    expect(t.take('export.table', d, '1:/w.ljd')).toBeNull();
    // a refusal not confirmed within ten minutes cannot be confirmed any more, nor on another workspace
    const old = t.issue('export.table', d, '1:/w.ljd', 'x');
    expect(() => t.confirm(old, '2:/other.ljd', '王某')).toThrow('这次复核请求已失效。');
    now += 10 * 60_000;
    expect(() => t.confirm(old, '1:/w.ljd', '王某')).toThrow('这次复核请求已失效。');
    const kept = t.issue('export.table', d, '1:/w.ljd', 'x');
    t.clear();
    expect(() => t.confirm(kept, '1:/w.ljd', '王某')).toThrow('这次复核请求已失效。');
  });

  it('digests the same input the same whatever its key order, and different inputs differently', () => {
    expect(callDigest('a.b', { x: 1, y: { p: [1, 2], q: null } })).toBe(callDigest('a.b', { y: { q: null, p: [1, 2] }, x: 1 }));
    expect(callDigest('a.b', { x: 1 })).not.toBe(callDigest('a.c', { x: 1 }));
    expect(callDigest('a.b', { x: [1, 2] })).not.toBe(callDigest('a.b', { x: [2, 1] }));
    expect(callDigest('a.b', { x: '1' })).not.toBe(callDigest('a.b', { x: 1 }));
  });

  it('waits longer after each wrong password from the fifth on, at most 15 minutes', () => {
    expect([0, 4, 5, 6, 7, 20].map(waitAfter)).toEqual([0, 0, 30_000, 60_000, 120_000, 15 * 60_000]);
  });
});
