// The one entry point for every call, whatever carried it (worker message, Electron's main
// process for its own channels, the e2e bridge, the CLI): checks the channel and where it runs,
// validates the input against the contract's schema, runs the handler (writes through the write
// queue) and returns an envelope. Unexpected errors are logged here and reach the UI only as a
// readable Chinese message, never as a stack trace.

import { toErrorData, type Envelope } from '../../../shared/errors';
import { contract, isChannel, type Channel } from '../../../shared/ipc/contract';
import type { Handler, ServiceContext, WorkerChannel } from './handler-types';
import { handlers } from './handlers';
import type { WriteQueue } from './write-queue';

type Where = 'worker' | 'main';
type HandlerMap<Ctx> = Partial<Record<Channel, (input: never, ctx: Ctx) => unknown>>;

/** Checks channel, place and input; returns the parsed input or the error envelope. */
export function validate(
  channel: unknown,
  input: unknown,
  where: Where,
): { ok: true; channel: Channel; input: unknown } | { ok: false; envelope: Envelope<never> } {
  if (!isChannel(channel) || contract[channel].where !== where)
    return {
      ok: false,
      envelope: { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的操作：${String(channel).slice(0, 64)}`, hint: '请升级程序或联系技术支持。' } },
    };
  const parsed = contract[channel].input.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const at = first && first.path.length ? `“${first.path.join('.')}”` : '';
    return {
      ok: false,
      envelope: { ok: false, error: { code: 'INVALID_INPUT', message: `参数${at}不正确：${first?.message ?? ''}`, hint: '请检查填写的内容后重试。' } },
    };
  }
  return { ok: true, channel, input: parsed.data };
}

/** Dispatches to one handler map: the worker's services, or the main process's own channels. */
export async function dispatchTo<Ctx>(
  where: Where,
  map: HandlerMap<Ctx>,
  channel: unknown,
  input: unknown,
  ctx: Ctx,
  queue?: WriteQueue,
): Promise<Envelope<unknown>> {
  const v = validate(channel, input, where);
  if (!v.ok) return v.envelope;
  const handler = map[v.channel];
  if (!handler) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的操作：${v.channel}` } };
  const call = () => handler(v.input as never, ctx);
  try {
    const value = queue && contract[v.channel].mode === 'write' ? await queue.run(call) : await call();
    return { ok: true, value };
  } catch (e) {
    const data = toErrorData(e);
    if (data.code === 'INTERNAL') console.error(`[service] ${v.channel} failed:`, e);
    return { ok: false, error: data };
  }
}

/** The services' dispatch: worker channels, writes one at a time per session. */
export function dispatch(channel: unknown, input: unknown, ctx: ServiceContext): Promise<Envelope<unknown>> {
  return dispatchTo('worker', handlers as Record<WorkerChannel, Handler<WorkerChannel>>, channel, input, ctx, ctx.session.writes);
}
