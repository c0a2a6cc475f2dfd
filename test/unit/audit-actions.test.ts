// Every action the services record has a Chinese name: the audit log on the settings page and the
// log exported for 纪检 show words, never codes such as report.export (the code stays in a hidden
// column of the export). The type system holds recordAudit to the named actions; this test reads
// the sources as well, so an action written some other way is caught too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionName } from '../../shared/domain/audit-actions';

const SERVICES = join(__dirname, '..', '..', 'electron', 'services');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the audit log’s actions', () => {
  it('every action recorded anywhere in the services has a Chinese name', () => {
    const used = new Set<string>();
    for (const f of sources(SERVICES)) for (const m of readFileSync(f, 'utf8').matchAll(/action:[^,}]*?'([a-z]+\.[A-Za-z.]+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(40);
    const unnamed = [...used].filter((a) => !(a in AUDIT_ACTIONS));
    expect(unnamed).toEqual([]);
  });

  it('names are Chinese; an unknown code is said to be one', () => {
    // product and format names (PDF, Excel) may stand in a name; nothing else Latin
    for (const [code, name] of Object.entries(AUDIT_ACTIONS)) expect(name.replace(/PDF|Excel|Word|CSV/g, ''), code).toMatch(/^[^A-Za-z]+$/);
    expect(auditActionName('report.export')).toBe('导出报告');
    expect(auditActionName('future.thing')).toBe('其他操作（future.thing）');
  });
});
