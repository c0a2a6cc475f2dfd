// The one entry point for every service call, whatever carried it (worker message, e2e bridge):
// checks the channel, validates the input against the contract's schema, runs the handler, and
// returns an envelope. Unexpected errors are logged here and reach the UI only as a readable
// Chinese message, never as a stack trace.

import { toErrorData, type Envelope } from '../../../shared/errors';
import { contract, isChannel } from '../../../shared/ipc/contract';
import type { Handler, ServiceContext, WorkerChannel } from './handler-types';
import { handlers } from './handlers';

export async function dispatch(channel: unknown, input: unknown, ctx: ServiceContext): Promise<Envelope<unknown>> {
  if (!isChannel(channel) || contract[channel].where !== 'worker')
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的操作：${String(channel).slice(0, 64)}`, hint: '请升级程序或联系技术支持。' } };
  const parsed = contract[channel].input.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length ? `“${first.path.join('.')}”` : '';
    return { ok: false, error: { code: 'INVALID_INPUT', message: `参数${where}不正确：${first?.message ?? ''}`, hint: '请检查填写的内容后重试。' } };
  }
  try {
    const handler = handlers[channel as WorkerChannel] as Handler<WorkerChannel>;
    return { ok: true, value: await handler(parsed.data as never, ctx) };
  } catch (e) {
    const data = toErrorData(e);
    if (data.code === 'INTERNAL') console.error(`[service] ${channel} failed:`, e);
    return { ok: false, error: data };
  }
}
