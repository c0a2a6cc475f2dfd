import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useApi } from '../../data/use-api';
import { useAction } from '../../data/use-action';
import { MessageBanner } from '../../components/MessageBanner';
import { DateInput } from '../../components/DateInput';

/** The region's own department list, the dates its annual settlements finished, and the issuing body of its documents. */
export function RegionSettingsEditor() {
  const loaded = useApi('settings.get', {});
  const [departments, setDepartments] = useState('');
  const [settlement, setSettlement] = useState<Record<string, string>>({});
  const [listDays, setListDays] = useState(7);
  const [issuer, setIssuer] = useState('');
  const [rankingsByName, setRankingsByName] = useState(false);
  const action = useAction();
  useEffect(() => {
    if (!loaded.data) return;
    setDepartments(loaded.data.departments.join('、'));
    setSettlement(loaded.data.settlement);
    setListDays(loaded.data.listDays);
    setIssuer(loaded.data.issuer);
    setRankingsByName(loaded.data.rankingsByName);
  }, [loaded.data]);
  const y = new Date().getFullYear();
  const years = [y - 2, y - 1, y].map(String);
  return (
    <div className="region-settings" data-testid="region-settings">
      <h4>地区设置</h4>
      <label>
        责任处室（用“、”分隔）
        <input value={departments} onChange={(e) => setDepartments(e.target.value)} style={{ width: '100%' }} data-testid="settings-departments" />
      </label>
      <label>
        发文机关（报告落款；不填则为“地区名＋医疗保障局”）
        <input value={issuer} onChange={(e) => setIssuer(e.target.value)} maxLength={40} style={{ width: '100%' }} data-testid="settings-issuer" />
      </label>
      <div className="form-row">
        {years.map((yy) => (
          <label key={yy}>
            {yy}年度清算完成日期
            <DateInput
              value={settlement[yy] ?? ''}
              onChange={(d) => setSettlement({ ...settlement, [yy]: d })}
              label={`${yy}年度清算完成日期`}
              testId={`settings-settlement-${yy}`}
            />
          </label>
        ))}
        <label>
          会后问题建议清单期限（天）
          <input
            type="number"
            min={1}
            max={60}
            value={listDays}
            onChange={(e) => setListDays(Number(e.target.value))}
            style={{ width: 70 }}
            data-testid="settings-list-days"
          />
        </label>
        <label title="开启后，机构数据包列出同级医疗机构按各指标的名次（只列名称，不列其他机构的数值）">
          <input type="checkbox" checked={rankingsByName} onChange={(e) => setRankingsByName(e.target.checked)} data-testid="settings-rankings-by-name" />
          排名按机构名称公布
        </label>
        <button
          type="button"
          data-testid="settings-save"
          onClick={() => {
            const clean = Object.fromEntries(Object.entries(settlement).filter(([, d]) => d));
            void action.run(() => api.settings.set({ departments: departments.split(/[、,，\n]/), settlement: clean, listDays, issuer, rankingsByName }), {
              ok: () => '地区设置已保存。',
              invalidate: ['settings', 'meetings'],
            });
          }}
        >
          保存设置
        </button>
      </div>
      <MessageBanner message={action.message} />
    </div>
  );
}
