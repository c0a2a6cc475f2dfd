// When the data service (the database worker) has stopped: say so once, in place of a page of
// failed requests, and offer to start it again on the same workspace.

import { api } from '../../api';
import { MessageBanner } from '../../components/MessageBanner';
import { markRunning } from '../../data/service-status';
import { useAction } from '../../data/use-action';

export function ServiceStoppedBanner() {
  const action = useAction();
  const restart = async () => {
    const info = await action.run(() => api.app.restartService(), { invalidate: 'all' });
    if (info) markRunning();
  };
  return (
    <div className="banner error" role="alert" data-testid="service-stopped">
      数据服务意外停止，刚才的操作未完成。已保存的数据不受影响（每次写入都完整保存）。
      <div className="actions">
        <button type="button" className="primary" onClick={restart} disabled={action.busy} data-testid="service-restart">
          {action.busy ? '正在重新启动…' : '重新启动数据服务'}
        </button>
      </div>
      <MessageBanner message={action.message} />
    </div>
  );
}
