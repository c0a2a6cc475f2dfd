// Building blocks of the per-domain contracts: how an entry is declared (reads, writes, main),
// and the input schemas several domains share. Each entry carries its input schema, a phantom of
// its result type, where it runs (the database worker or Electron's main process) and whether it
// changes data: writes run one at a time in the worker's queue, reads may go on meanwhile.

import { z } from 'zod';

// zod's own messages (a missing field, a wrong type) in Chinese too, not only the ones written here
z.config(z.locales.zhCN());

export interface Entry {
  readonly input: z.ZodType;
  readonly result: unknown;
  readonly where: 'worker' | 'main';
  readonly mode: 'read' | 'write';
  /** 双人双锁: the dispatch refuses the call until a reviewer confirmed this very call (shared/ipc/guards.ts) */
  readonly guard?: TwoPersonGuard;
}

/**
 * An operation two-person control covers: what the reviewer is told they confirm (from the call's
 * input), and, for a channel only some of whose calls are covered, which ones.
 */
export interface TwoPersonGuard {
  readonly kind: 'twoPerson';
  what(input: never): string;
  when?(input: never): boolean;
}

/** A domain's part of the contract: every channel is named `<domain>.<method>`. */
export type DomainContract<D extends string> = Record<`${D}.${string}`, Entry>;

/** A phantom marker carrying the result type; never read at run time. */
export function returns<T>(): T {
  return undefined as unknown as T;
}

export const reads = <I extends z.ZodType, R>(input: I, result: R) => ({ input, result, where: 'worker' as const, mode: 'read' as const });
export const writes = <I extends z.ZodType, R>(input: I, result: R) => ({ input, result, where: 'worker' as const, mode: 'write' as const });
/** Runs in Electron's main process (native dialogs, printing): the services never show UI. */
export const inMain = <I extends z.ZodType, R>(input: I, result: R) => ({ input, result, where: 'main' as const, mode: 'write' as const });

/** Declares an entry guarded by two-person control: the dispatch enforces it for every caller. */
export const twoPerson = <E extends Entry & { mode: 'write' }>(
  entry: E,
  what: string | ((input: z.output<E['input']>) => string),
  when?: (input: z.output<E['input']>) => boolean,
) => ({
  ...entry,
  guard: { kind: 'twoPerson' as const, what: typeof what === 'string' ? () => what : what, ...(when ? { when } : {}) },
});

export const empty = z.object({}).strict();
export const filePath = z.string().min(1, '请提供文件路径').max(4096, '路径过长');
export const periodKey = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]|C(0[2-9]|1[01])))?$/, '期间格式应为 2025-03、2025-Q1、2025-H1、2025-C05（1—5月）或 2025');
export const id = z.number().int().positive();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2025-03-01');
export const band = z.enum(['三级', '二级', '一级及基层', '未定级']).nullable();
export const instCode = z.string().min(1).max(32);
export const indicatorCode = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, '指标编码只能包含字母、数字和下划线');
export const fileFilter = z.object({ name: z.string().max(40), extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).max(8) }).strict();
