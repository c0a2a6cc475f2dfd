// Two-person control on the command line: the operations the app guards are guarded here by the
// same function as the dispatch (security/guard.ts). When the control is on, the reviewer gives
// their name (--reviewer) and password — from an environment variable (--reviewer-password-env,
// like --password-env: never an argument, which ps would show), or typed at the terminal. A
// wrong password is audited and slowed down exactly as in the app.

import { createInterface } from 'node:readline';
import { AppError } from '../../shared/errors';
import { contract, type Channel } from '../../shared/ipc/contract';
import type { WorkspaceSession } from '../services/host/session';
import { confirmTicket, guardCall } from '../services/security/guard';
import { UsageError } from './cli-args.node';

export interface Reviewer {
  name: string;
  password: string;
}

/** Reads a line from the terminal. */
function promptLine(question: string): Promise<string> {
  return new Promise((resolvePrompt) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    rl.question(question, (answer) => {
      rl.close();
      resolvePrompt(answer.trim());
    });
  });
}

/**
 * Where the reviewer comes from: --reviewer and the environment variable named by
 * --reviewer-password-env, or the terminal (the password not echoed); null when neither is there.
 */
export function reviewerSource(name: string | undefined, passwordEnv: string | undefined, promptHidden: (q: string) => Promise<string>) {
  return async (): Promise<Reviewer | null> => {
    if (passwordEnv) {
      const v = process.env[passwordEnv];
      if (!v) throw new UsageError(`环境变量 ${passwordEnv} 未设置或为空：--reviewer-password-env 须指向保存复核密码的环境变量。`);
      if (!name) throw new UsageError('请用 --reviewer 指定复核人姓名。');
      return { name, password: v };
    }
    if (!process.stdin.isTTY) return null;
    const who = name ?? (await promptLine('复核人姓名：'));
    return { name: who, password: await promptHidden(`复核人 ${who} 的复核密码：`) };
  };
}

/** The hint of a refusal on the command line: how to name the reviewer. */
export const REVIEWER_HINT =
  '请用 --reviewer <复核人姓名> 和 --reviewer-password-env <变量名>（复核密码所在的环境变量）提供复核人，或在终端中按提示由复核人本人输入。';

/**
 * The audit actor for a guarded operation of the command line ("甲（复核：乙）" when the control is
 * on), asking for the reviewer only when one is needed; a refusal says how to give one.
 */
export async function guardedActor(
  session: WorkspaceSession,
  channel: Channel,
  input: unknown,
  actor: string,
  reviewer: () => Promise<Reviewer | null>,
): Promise<string> {
  // the input as the dispatch would see it, so the confirmation binds to the same digest
  const parsed = contract[channel].input.parse(input);
  try {
    return guardCall(session, channel, parsed, actor);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'TWO_PERSON_REQUIRED' || !e.ticket) throw e;
    const r = await reviewer();
    if (!r) throw new AppError('TWO_PERSON_REQUIRED', e.message, REVIEWER_HINT);
    confirmTicket(session, e.ticket, r.name, r.password, actor);
    return guardCall(session, channel, parsed, actor);
  }
}
