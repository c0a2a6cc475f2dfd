// Shown instead of the pages when the workspace the app started with could not be opened: what
// happened (written by a newer version, damaged, not a workspace), the file, and what to do —
// open another workspace or create a new one right here; a damaged one can be restored from its
// backups (DamagedRestore).

import type { AppInfo } from '../../../../shared/domain/types';
import { WorkspaceActions } from '../workspace/WorkspaceActions';
import { DamagedRestore } from './DamagedRestore';

const TITLES: Record<string, string> = {
  DB_TOO_NEW: '工作区由更新版本的亮家底创建',
  DB_CORRUPT: '工作区文件已损坏或无法识别',
  NOT_A_WORKSPACE: '所选文件不是亮家底工作区',
  WORKSPACE_NOT_FOUND: '找不到上次使用的工作区',
  PASSWORD_REQUIRED: '工作区已加密',
  WRONG_PASSWORD: '工作区已加密',
};

export function StartupErrorScreen({ error }: { error: NonNullable<AppInfo['startupError']> }) {
  return (
    <section className="page" data-testid="startup-error">
      <header className="page-head">
        <h1>{TITLES[error.code] ?? '未能打开工作区'}</h1>
      </header>
      {error.code === 'PASSWORD_REQUIRED' || error.code === 'WRONG_PASSWORD' ? (
        <div className="card">
          <WorkspaceActions startupPath={error.path} />
        </div>
      ) : (
        <div className="card">
          <div className="banner error" role="alert" data-testid="startup-error-message">
            {error.message}
            {error.hint && <div className="hint">{error.hint}</div>}
          </div>
          <dl className="facts">
            <dt>文件</dt>
            <dd className="mono">{error.path}</dd>
          </dl>
          {error.code === 'DB_CORRUPT' && <DamagedRestore />}
          <p className="muted">其中的数据未作任何改动。可以打开其他工作区，或新建一个工作区后导入数据包。</p>
          <WorkspaceActions />
        </div>
      )}
    </section>
  );
}
