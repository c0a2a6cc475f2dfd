// The renderer's only door to the services: the typed `window.api` (built from the contract by
// the preload, or by the e2e bridge), a channel-by-name call for the data layer, and the one
// way to turn an error into the Chinese text shown to the convenor.

import { AppError } from '../../shared/errors';
import type { Channel, Input, Result } from '../../shared/ipc/contract';

export const api = window.api;

/** Calls a channel by its name ("analysis.ranking"): what the query hooks key their caches by. */
export function call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<C>> {
  const [domain, method] = channel.split('.') as [string, string];
  const target = (api as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[domain]?.[method];
  if (!target) return Promise.reject(new AppError('UNKNOWN_CHANNEL', `未知的操作：${channel}`));
  return target(input) as Promise<Result<C>>;
}

export interface ErrorText {
  message: string;
  hint?: string;
  code?: string;
  /** a refusal by two-person control: the ticket the reviewer confirms */
  ticket?: string;
}

export function errorText(e: unknown): ErrorText {
  if (e instanceof AppError) return { message: e.message, ...(e.hint ? { hint: e.hint } : {}), code: e.code, ...(e.ticket ? { ticket: e.ticket } : {}) };
  if (e && typeof e === 'object' && 'message' in e) {
    const m = e as { message: string; hint?: string; code?: string; ticket?: string };
    return { message: m.message, ...(m.hint ? { hint: m.hint } : {}), ...(m.code ? { code: m.code } : {}), ...(m.ticket ? { ticket: m.ticket } : {}) };
  }
  return { message: '操作未完成。' };
}
