// The renderer's only door to the services.
import { AppError } from '../../shared/errors';

export const api = window.api;

export function errorText(e: unknown): { message: string; hint?: string } {
  if (e instanceof AppError) return e.hint ? { message: e.message, hint: e.hint } : { message: e.message };
  if (e && typeof e === 'object' && 'message' in e) {
    const m = e as { message: string; hint?: string };
    return m.hint ? { message: m.message, hint: m.hint } : { message: m.message };
  }
  return { message: '操作未完成。' };
}
