// Workspaces: one SQLite file per pooling region, encrypted with its password (SQLCipher v4);
// backups beside it; integrity checks.

import { z } from 'zod';
import type { WorkspaceInfo } from '../../domain/types';
import { empty, filePath, reads, returns, twoPerson, writes, type DomainContract } from './common';

const password = z.string().min(1, '请输入密码').max(128, '密码过长');
const newPassword = z.string().min(8, '密码至少8位').max(128, '密码过长');
const backupName = z.string().regex(/^[0-9-]+[^/\\]*\.ljdbak$/, '备份文件名不正确');

export interface BackupView {
  name: string;
  time: string;
  reason: string;
  bytes: number;
}

export const workspaceContract = {
  'workspace.info': reads(empty, returns<WorkspaceInfo>()),
  'workspace.create': writes(
    z
      .object({
        path: filePath,
        regionCode: z.string().regex(/^\d{6}$/, '统筹地区编码应为6位数字'),
        regionName: z.string().min(1).max(64),
        /** null: a plain workspace, by explicit choice */
        password: newPassword.nullable(),
      })
      .strict(),
    returns<WorkspaceInfo>(),
  ),
  'workspace.open': writes(z.object({ path: filePath, password: password.optional() }).strict(), returns<WorkspaceInfo>()),
  /** encrypts a plain workspace (current omitted) or changes the password */
  'workspace.setPassword': twoPerson(writes(z.object({ current: password.optional(), next: newPassword }).strict(), returns<WorkspaceInfo>()), (i) =>
    i.current === undefined ? '加密工作区' : '修改工作区密码',
  ),
  /** the app lock: is this the workspace's password? */
  'workspace.unlock': reads(z.object({ password }).strict(), returns<{ ok: boolean }>()),
  'workspace.backup': writes(empty, returns<BackupView>()),
  'workspace.backups': reads(empty, returns<{ dir: string; list: BackupView[]; problem: string | null }>()),
  /** a backup of this workspace, by its name in the backup folder (never an arbitrary path) */
  'workspace.restore': twoPerson(writes(z.object({ name: backupName }).strict(), returns<WorkspaceInfo>()), (i) => `从备份“${i.name}”恢复工作区`),
  /** the backups of the workspace just closed as damaged (startupError DB_CORRUPT), newest first; null for none such */
  'workspace.damagedBackups': reads(empty, returns<{ path: string; list: BackupView[] } | null>()),
  /** that workspace restored from one of its backups (the damaged file kept beside it) and opened */
  'workspace.restoreDamaged': writes(z.object({ name: backupName, password: password.optional() }).strict(), returns<WorkspaceInfo>()),
  'workspace.check': reads(empty, returns<{ ok: boolean; message: string }>()),
} satisfies DomainContract<'workspace'>;
