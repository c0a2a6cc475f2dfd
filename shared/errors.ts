// Errors that cross the IPC boundary. A user must be able to read them: Chinese message, a hint
// saying what to do, a stable code for programs. Stack traces never leave the service process.

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'NO_WORKSPACE',
  'WORKSPACE_EXISTS',
  'WORKSPACE_NOT_FOUND',
  'DB_TOO_NEW',
  'DB_CORRUPT',
  'PASSWORD_REQUIRED',
  'WRONG_PASSWORD',
  'TWO_PERSON_REQUIRED',
  'LOCKED',
  'NOT_A_WORKSPACE',
  'SERVICE_STOPPED',
  'IMPORT_INVALID',
  'IMPORT_NOT_FOUND',
  'FILE_NOT_FOUND',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_FILE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorData {
  code: ErrorCode;
  /** One sentence in Chinese: what went wrong. */
  message: string;
  /** What the user can do about it (Chinese). */
  hint?: string;
  /** TWO_PERSON_REQUIRED: the refused call's ticket, which a reviewer confirms (security.confirm) */
  ticket?: string;
}

export class AppError extends Error implements AppErrorData {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly ticket?: string;
  constructor(code: ErrorCode, message: string, hint?: string, ticket?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (hint !== undefined) this.hint = hint;
    if (ticket !== undefined) this.ticket = ticket;
  }
  toData(): AppErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.ticket === undefined ? {} : { ticket: this.ticket }),
    };
  }
}

/**
 * Turns anything thrown into data safe to show a user: unknown errors lose their details. A
 * database page found damaged on the way (SQLite's SQLITE_CORRUPT, thrown by whatever read it) and a
 * full disk are said as such.
 */
export function toErrorData(err: unknown): AppErrorData {
  if (err instanceof AppError) return err.toData();
  if (isErrorData(err)) return err;
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code))
    return { code: 'DB_CORRUPT', message: '工作区文件已损坏，操作未完成。', hint: '请从最近的备份恢复（工作区旁的“.备份”文件夹），或打开其他工作区。' };
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return { code: 'INTERNAL', message: '磁盘空间不足，操作未完成。', hint: '请清理磁盘空间后重试；已保存的数据不受影响。' };
  return {
    code: 'INTERNAL',
    message: '程序内部错误，操作未完成。',
    hint: '请重试；如仍失败，请在“设置与审计”中导出诊断信息并联系技术支持。',
  };
}

/** Error data as the services send it: a code of ours (an OS or SQLite error has a code and an English message too). */
export function isErrorData(v: unknown): v is AppErrorData {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { message?: unknown }).message === 'string' &&
    (ERROR_CODES as readonly unknown[]).includes((v as { code?: unknown }).code)
  );
}

/** What every channel returns across the boundary: a value or a readable error, never a throw. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };
