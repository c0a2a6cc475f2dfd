// The flag list crosses the boundary as a table (shared/domain/flag-table.ts): what the page makes
// of it after a structured clone (what worker messages and Electron IPC do) is exactly the list the
// service computed — nulls, reasons, recorded causes and order included — in a fraction of the bytes.
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { raisedFlags, recordCause } from '../../electron/services/analysis/flags';
import { dispatch } from '../../electron/services/host/dispatch';
import { WorkspaceSession } from '../../electron/services/host/session';
import { fromFlagTable, toFlagTable, type FlagTable } from '../../shared/domain/flag-table';
import { flagReasons, REASON_CHANGE, REASON_PEER, REASON_YOY } from '../../shared/domain/flag-reasons';
import { tempDir } from '../helpers/temp';

const DEMO_ZIP = join(__dirname, '..', '..', 'resources', 'demo', 'demo-region.zip');

describe('the flag list across the boundary', () => {
  it('arrives as the very flags computed, in a fraction of the bytes', async () => {
    const s = new WorkspaceSession(undefined, null);
    s.create(join(tempDir(), 'w.ljd'), { regionCode: '990100', regionName: '示范市', actor: '测试' });
    const r = await s.imports.prepare(s.db, DEMO_ZIP);
    s.imports.commit(s.db, r.token!, '测试');
    // 2025-12: its flags include some without a previous or last-year figure (出院人次增长率, the region's own indicator begun in 2025)
    const period = '2025-12';
    const before = raisedFlags(s.db, period);
    const one = before.find((f) => f.level === 'red')!;
    recordCause(s.db, { institution: one.institution, indicator: one.indicator, period, cause: '新院区开业，收治量上升；已核实' }, '测试');
    const flags = raisedFlags(s.db, period);
    expect(flags.length).toBeGreaterThan(10);
    // the list has what the table must carry: causes, missing numbers, several reasons, both levels
    expect(flags.filter((f) => f.cause !== null)).toHaveLength(1);
    expect(flags.some((f) => f.peerMedian === null || f.previous === null || f.lastYear === null)).toBe(true);
    expect(flags.some((f) => flagReasons(f).length > 1)).toBe(true);
    expect(new Set(flags.map((f) => f.level))).toEqual(new Set(['red', 'yellow']));

    const env = await dispatch('analysis.flags', { period }, { session: s, actor: '测试', progress: () => undefined });
    expect(env.ok).toBe(true);
    const sent = (env as { value: FlagTable }).value;
    const received = deserialize(serialize(sent)) as FlagTable;
    expect(fromFlagTable(received)).toEqual(flags);
    expect(received.institutions.length).toBeLessThan(flags.length);
    expect(serialize(sent).length).toBeLessThan(serialize(flags).length / 2);

    // flags with no reason, one, several; an institution met twice; then an empty list; a flag of another period refused
    const few = [
      { ...flags[0]!, reasonKinds: 0 },
      { ...flags[0]!, indicator: 'X', reasonKinds: REASON_YOY },
      { ...flags[1]!, reasonKinds: REASON_PEER | REASON_CHANGE | REASON_YOY },
    ];
    const back = fromFlagTable(deserialize(serialize(toFlagTable(period, few))) as FlagTable);
    expect(back).toEqual(few);
    expect(fromFlagTable(deserialize(serialize(toFlagTable(period, []))) as FlagTable)).toEqual([]);
    expect(() => toFlagTable('2025-10', flags)).toThrow(/2025-12/);
    s.close();
  });
});
