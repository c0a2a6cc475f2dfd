// The one entry point for every call, whatever carried it (worker message, Electron's main
// process for its own channels, the e2e bridge, the CLI): checks the channel and where it runs,
// refuses everything but the unlock while the app is locked, validates the input against the
// contract's schema, holds back a call two-person control covers until a reviewer confirmed it
// (security/guard.ts), runs the handler (writes through the write queue) and returns an envelope. Unexpected errors are logged here and reach the UI only as a
// readable Chinese message, never as a stack trace.

import { toErrorData, type AppErrorData, type Envelope } from '../../../shared/errors';
import { contract, isChannel, type Channel } from '../../../shared/ipc/contract';
import { OPEN_WHILE_LOCKED } from '../../../shared/ipc/guards';
import { guardCall } from '../security/guard';
import type { Handler, ServiceContext, WorkerChannel } from './handler-types';
import { handlers } from './handlers';
import type { WriteQueue } from './write-queue';

type Where = 'worker' | 'main';

/** The names a convenor knows the contract's fields by (internal keys never reach the UI). */
const FIELD_NAMES: Record<string, string> = {
  path: '文件路径',
  regionCode: '统筹地区编码',
  regionName: '统筹地区名称',
  title: '名称',
  name: '姓名',
  role: '职务',
  date: '日期',
  period: '期间',
  seed: '随机种子',
  witnesses: '见证人',
  seats: '席位数',
  indicator: '指标',
  institution: '机构',
  cause: '原因',
  text: '内容',
  note: '说明',
  department: '责任处室',
  dueDate: '期限',
  endDate: '任期结束日期',
  start: '开始日期',
  weight: '权重',
  departments: '责任处室',
  settlement: '清算完成日期',
  q: '搜索内容',
};
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
    const field = first?.path.map((k) => FIELD_NAMES[String(k)]).find(Boolean);
    return {
      ok: false,
      envelope: {
        ok: false,
        error: { code: 'INVALID_INPUT', message: `${field ? `“${field}”` : '填写的内容'}不正确：${first?.message ?? ''}`, hint: '请检查填写的内容后重试。' },
      },
    };
  }
  return { ok: true, channel, input: parsed.data };
}

/** The answer to every call but the unlock while the app is locked. */
export const LOCKED: AppErrorData = {
  code: 'LOCKED',
  message: '程序已锁定，操作未执行。',
  hint: '请输入工作区密码解锁后再操作。',
};

/** Whether the lock lets this channel through. */
export const openWhileLocked = (channel: unknown): boolean => isChannel(channel) && OPEN_WHILE_LOCKED.has(channel);

/**
 * Dispatches to one handler map: the worker's services, or the main process's own channels.
 * guard: run before the handler (inside the write queue), may refuse the call or give the handler
 * another context (the audit actor with the reviewer's name).
 */
export async function dispatchTo<Ctx>(
  where: Where,
  map: HandlerMap<Ctx>,
  channel: unknown,
  input: unknown,
  ctx: Ctx,
  queue?: WriteQueue,
  guard?: (channel: Channel, input: unknown) => Ctx | Promise<Ctx>,
): Promise<Envelope<unknown>> {
  const v = validate(channel, input, where);
  if (!v.ok) return v.envelope;
  const handler = map[v.channel];
  if (!handler) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的操作：${v.channel}` } };
  const call = async () => handler(v.input as never, guard ? await guard(v.channel, v.input) : ctx);
  try {
    const value = queue && contract[v.channel].mode === 'write' ? await queue.run(call) : await call();
    return { ok: true, value };
  } catch (e) {
    const data = toErrorData(e);
    if (data.code === 'INTERNAL') console.error(`[service] ${v.channel} failed:`, e);
    return { ok: false, error: data };
  }
}

/** The services' dispatch: worker channels, writes one at a time per session, the lock and two-person control enforced. */
export function dispatch(channel: unknown, input: unknown, ctx: ServiceContext): Promise<Envelope<unknown>> {
  if (ctx.session.locked && !openWhileLocked(channel)) return Promise.resolve({ ok: false, error: LOCKED });
  return dispatchTo('worker', handlers as Record<WorkerChannel, Handler<WorkerChannel>>, channel, input, ctx, ctx.session.writes, (c, i) =>
    guardedContext(ctx, c, i),
  );
}

/** The context a call runs with: its audit actor names the reviewer who confirmed it (two-person control). */
function guardedContext(ctx: ServiceContext, channel: Channel, input: unknown): ServiceContext {
  const actor = ctx.session.isOpen ? guardCall(ctx.session, channel, input, ctx.actor) : ctx.actor;
  return actor === ctx.actor ? ctx : { ...ctx, actor };
}
