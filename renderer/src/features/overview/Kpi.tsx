import { formatChangeOf, formatValue } from '../../../../shared/format';
import type { OverviewKpi } from '../../../../shared/domain/types';
import { Spark } from './Spark';

/** 环比 only where there is a previous period of the same kind: not for a year or a 1—N月 range. */
export function Kpi({ k, withMom }: { k: OverviewKpi & { spark?: (number | null)[] }; withMom: boolean }) {
  const mom = formatChangeOf(k.unit, k.value, k.previous);
  const yoy = formatChangeOf(k.unit, k.value, k.lastYear);
  const cls = (s: string) => (s.startsWith('+') ? 'up' : s.startsWith('−') ? 'down' : '');
  return (
    <div className="kpi" data-testid={`kpi-${k.code}`}>
      <div className="kpi-name">{k.name}</div>
      <div className={`kpi-value${k.alert ? ` alert-${k.alert.level}` : ''}`} data-testid={`kpi-value-${k.code}`}>
        {formatValue(k.value, k.unit)}
      </div>
      {k.alert && (
        <div className={`kpi-alert alert-${k.alert.level}`} data-testid={`kpi-alert-${k.code}`}>
          {k.alert.text}
        </div>
      )}
      <div className="kpi-changes">
        {withMom && (
          <span>
            环比 <b className={cls(mom)}>{mom}</b>
          </span>
        )}
        <span>
          同比 <b className={cls(yoy)}>{yoy}</b>
        </span>
      </div>
      {k.spark && <Spark values={k.spark} />}
    </div>
  );
}
