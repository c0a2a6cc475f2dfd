import { describe, expect, it } from 'vitest';
import { AppError, type Envelope } from '../../shared/errors';
import { buildApi } from '../../shared/ipc/api';
import { CHANNELS, contract, type Disjoint } from '../../shared/ipc/contract';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

describe('IPC contract and the API built from it', () => {
  it('gives every channel a method and nothing else', async () => {
    const calls: [string, unknown][] = [];
    const api = buildApi(
      async (channel, input) => {
        calls.push([channel, input]);
        return { ok: true, value: channel } as Envelope<unknown>;
      },
      () => () => undefined,
    );
    const methods = Object.entries(api).flatMap(([domain, m]) => (typeof m === 'function' ? [] : Object.keys(m as object).map((k) => `${domain}.${k}`)));
    expect(methods.sort()).toEqual([...CHANNELS].sort());
    await expect(api.workspace.info()).resolves.toBe('workspace.info');
    expect(calls).toEqual([['workspace.info', {}]]);
    expect(Object.isFrozen(api)).toBe(true);
  });
  it('turns an error envelope into an AppError with the Chinese message and hint', async () => {
    const api = buildApi(
      async () => ({ ok: false, error: { code: 'NO_WORKSPACE', message: '尚未打开工作区。', hint: '请打开工作区。' } }),
      () => () => undefined,
    );
    const err = await api.app.info().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'NO_WORKSPACE', message: '尚未打开工作区。', hint: '请打开工作区。' });
  });
  it('validates inputs with readable Chinese messages', () => {
    const r = contract['workspace.create'].input.safeParse({ path: 'x.ljd', regionCode: '12', regionName: '某市' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('统筹地区编码应为6位数字');
    expect(contract['app.info'].input.safeParse({ extra: 1 }).success).toBe(false);
  });
  it('a channel declared by two domain parts does not compile', () => {
    const fine: Disjoint<[{ 'a.x': 1 }, { 'b.x': 1 }]> = true;
    // @ts-expect-error the duplicate 'a.x' makes Disjoint an error object, not true
    const duplicate: Disjoint<[{ 'a.x': 1 }, { 'b.y': 1; 'a.x': 2 }]> = true;
    expect([fine, duplicate]).toEqual([true, true]);
  });
  it('every channel is named after its domain folder and is either a read or a write', () => {
    const services = join(__dirname, '..', '..', 'electron', 'services');
    const folders = new Set(readdirSync(services));
    for (const c of CHANNELS) {
      const domain = c.split('.')[0]!;
      if (contract[c].where === 'worker') expect(folders.has(domain), `${c}: electron/services/${domain}/`).toBe(true);
      expect(['read', 'write']).toContain(contract[c].mode);
    }
    expect(contract['pool.list'].mode).toBe('read');
    expect(contract['workspace.open'].mode).toBe('write');
    expect(contract['import.prepare'].mode).toBe('write');
  });
});
