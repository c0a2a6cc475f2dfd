// Handlers of the workspace.* channels. Opening or creating a workspace goes through the session,
// which also forgets any prepared import (it was checked against the previous workspace), holds
// the password in this process only, and makes the backups.

import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { backupDir, listBackups } from '../backup/backups';
import type { Handlers } from '../host/handler-types';
import { workspaceInfo } from './workspace';

const view = (b: { name: string; time: string; reason: string; bytes: number }) => ({ name: b.name, time: b.time, reason: b.reason, bytes: b.bytes });

export const workspaceHandlers: Handlers<
  | 'workspace.info'
  | 'workspace.create'
  | 'workspace.open'
  | 'workspace.setPassword'
  | 'workspace.unlock'
  | 'workspace.backup'
  | 'workspace.backups'
  | 'workspace.restore'
  | 'workspace.damagedBackups'
  | 'workspace.restoreDamaged'
  | 'workspace.check'
> = {
  'workspace.info': (_input, { session }) => workspaceInfo(session.db),
  'workspace.create': (input, { session, actor }) =>
    workspaceInfo(session.create(input.path, { regionCode: input.regionCode, regionName: input.regionName, actor, password: input.password })),
  'workspace.open': (input, { session, actor }) => workspaceInfo(session.open(input.path, actor, input.password ?? null)),
  'workspace.setPassword': (input, { session, actor }) => workspaceInfo(session.setPassword(input.current ?? null, input.next, actor)),
  'workspace.unlock': (input, { session, actor }) => ({ ok: session.checkPassword(input.password, Date.now(), actor) }),
  'workspace.backup': (_input, { session, actor }) => view(session.backup('manual', actor)),
  'workspace.backups': (_input, { session }) => ({
    dir: backupDir(session.db.path),
    list: listBackups(session.db.path).map(view),
    problem: session.backupProblem,
  }),
  'workspace.restore': (input, { session, actor }) => {
    const b = listBackups(session.db.path).find((x) => x.name === input.name);
    if (!b) throw new AppError('INVALID_INPUT', `备份不存在：${input.name}`, '请刷新备份列表后重试。');
    session.restore(join(backupDir(session.db.path), b.name), actor);
    return workspaceInfo(session.db);
  },
  'workspace.damagedBackups': (_input, { session }) => {
    const e = session.startupError;
    return !session.isOpen && e?.code === 'DB_CORRUPT' ? { path: e.path, list: listBackups(e.path).map(view) } : null;
  },
  'workspace.restoreDamaged': (input, { session, actor }) => workspaceInfo(session.restoreDamaged(input.name, input.password ?? null, actor)),
  'workspace.check': (_input, { session }) => {
    const r = String(session.db.conn.pragma('integrity_check', { simple: true }));
    return r === 'ok'
      ? { ok: true, message: '完整性检查通过：工作区文件完好。' }
      : { ok: false, message: `完整性检查发现问题：${r.slice(0, 200)}。请从最近的备份恢复。` };
  },
};
