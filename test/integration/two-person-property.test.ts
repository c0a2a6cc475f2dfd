// Property: random sequences of guarded operations, reviewers' confirmations (right and wrong
// passwords, stale tickets), workspace switches and the control switched off and on again, through
// the real dispatch. Whatever the order, no guarded call gets past the guard unless a reviewer
// confirmed that very call (same operation, same input, same workspace) and that confirmation had not
// been used: the model below says when one exists, and every call the guard let through must use one.
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/errors';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import { cases } from '../helpers/budget';
import { tempDir } from '../helpers/temp';

type Ws = 'a' | 'b';
const PASSWORDS: Record<Ws, string> = { a: '甲工作区复核密码', b: '乙工作区复核密码' };
const REVIEWER = '王某';

/** The guarded calls the sequences draw from (cheap handlers; some succeed, some fail after the guard). */
const CALLS: [string, (v: number) => unknown][] = [
  ['pool.remove', (v) => ({ id: v + 1 })],
  ['analysis.setThresholds', (v) => ({ indicator: ['CMI', 'TWI', 'ALOS'][v], peerYellow: 1, peerRed: 2, changeYellow: 1, changeRed: 2 })],
  ['draw.cancel', (v) => ({ drawId: v + 1, reason: '成员库有误' })],
  ['security.setTwoPerson', () => ({ enabled: false })],
];

const op = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('call' as const), call: fc.nat(CALLS.length - 1), variant: fc.nat(2) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('confirm' as const), pick: fc.nat(20), right: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'switch' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'enable' as const }) },
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

interface Refusal {
  ticket: string;
  key: string;
  ws: Ws;
}

async function runSequence(ops: Op[]): Promise<void> {
  const dir = tempDir();
  const session = new WorkspaceSession();
  const path = (w: Ws) => join(dir, `${w}.ljd`);
  const call = (channel: string, input: unknown) => dispatch(channel, input, { session, actor: '张三', progress: () => undefined });
  for (const w of ['a', 'b'] as const) {
    session.create(path(w), { regionCode: '990100', regionName: '测试市', actor: '张三' });
    for (const name of ['李一', '李二', '李三'])
      expect((await call('pool.add', { member: { kind: 'bureau', institution: null, name, role: '科员' } })).ok).toBe(true);
    expect((await call('security.addReviewer', { name: REVIEWER, password: PASSWORDS[w] })).ok).toBe(true);
    expect((await call('security.setTwoPerson', { enabled: true })).ok).toBe(true);
  }
  // the model
  let ws: Ws = 'b';
  const enabled: Record<Ws, boolean> = { a: true, b: true };
  const wrongInARow: Record<Ws, number> = { a: 0, b: 0 };
  const refusals: Refusal[] = [];
  let confirmed: { key: string; ws: Ws }[] = [];

  for (const o of ops) {
    if (o.kind === 'switch') {
      ws = ws === 'a' ? 'b' : 'a';
      session.open(path(ws), '张三');
      confirmed = [];
    } else if (o.kind === 'enable') {
      expect((await call('security.setTwoPerson', { enabled: true })).ok).toBe(true);
      enabled[ws] = true;
    } else if (o.kind === 'call') {
      const [channel, make] = CALLS[o.call]!;
      const input = make(o.variant);
      const key = `${channel}${JSON.stringify(input)}`;
      const r: Envelope<unknown> = await call(channel, input);
      if (!r.ok && r.error.code === 'TWO_PERSON_REQUIRED') {
        expect(enabled[ws], `${channel} refused with the control off`).toBe(true);
        expect(r.error.ticket).toMatch(/^[0-9a-f]{32}$/);
        refusals.push({ ticket: r.error.ticket!, key, ws });
        continue;
      }
      // let through by the guard (it may still fail on its own merits): unguarded, or confirmed for exactly this call
      if (enabled[ws]) {
        const i = confirmed.findIndex((c) => c.key === key && c.ws === ws);
        expect(i, `${channel} ran on ${ws} without a reviewer's confirmation of this call`).toBeGreaterThanOrEqual(0);
        confirmed.splice(i, 1);
        if (r.ok && channel === 'pool.remove') {
          const actor = session.db.conn.prepare("SELECT actor FROM audit_log WHERE action = 'pool.remove' ORDER BY id DESC LIMIT 1").pluck().get();
          expect(actor).toBe(`张三（复核：${REVIEWER}）`);
        }
        if (r.ok && channel === 'security.setTwoPerson') enabled[ws] = false;
      }
    } else if (refusals.length) {
      const target = refusals[o.pick % refusals.length]!;
      const r = await call('security.confirm', { name: REVIEWER, password: o.right ? PASSWORDS[ws] : '猜测的密码', ticket: target.ticket });
      if (target.ws !== ws) expect(r.ok, 'a ticket of the other workspace').toBe(false);
      else if (r.ok) {
        expect(o.right && wrongInARow[ws] < 5).toBe(true);
        wrongInARow[ws] = 0;
        confirmed.push({ key: target.key, ws });
      } else if (!o.right && wrongInARow[ws] < 5) wrongInARow[ws]++;
    }
  }
  session.close();
}

describe('two-person control, property', () => {
  it('no guarded call completes without a confirmation of that very call', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => runSequence(ops)),
      { numRuns: cases(12, 300) },
    );
  });
});
