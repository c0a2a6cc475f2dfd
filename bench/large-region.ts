// The synthetic region the benchmark imports: N institutions (a quarter in each level, half paid by
// DRG) × 36 months of every monthly per-institution indicator of the catalog, and group rows in
// proportion (1,000,000 for 3,000 institutions). Values are uniform random, so about half of them
// raise a change flag — a worst case for the flag list, far above a real region's few percent.

import { BUILTIN_INDICATORS } from '../shared/catalog/indicators';
import type { Institution } from '../shared/domain/types';
import { periodRange } from '../shared/period';
import { DRG_GROUPS, mulberry32 } from '../electron/services/demo/demo-region';
import type { GroupRow } from '../electron/services/import/parse-package';
import type { PackageData } from '../electron/services/package/write-package';

export const groupRowsFor = (institutions: number) => Math.round((institutions * 1_000_000) / 3000);

export function largeRegion(count: number, groupRows = groupRowsFor(count)): PackageData {
  const rand = mulberry32(7);
  const months = periodRange('2023-01', '2025-12');
  const levels = ['三级', '二级', '一级', '基层'] as const;
  const institutions: Institution[] = Array.from({ length: count }, (_, i) => ({
    code: `B${String(i + 1).padStart(8, '0')}`,
    name: `基准测试医疗机构${i + 1}`,
    level: levels[i % 4]!,
    type: '综合',
    ownership: '公立',
    payment: i % 4 < 2 ? 'DRG' : '否',
  }));
  const monthly = BUILTIN_INDICATORS.filter((d) => d.perInstitution && d.frequency === '月' && !d.formula);
  const institutionValues = new Map<string, Record<string, number | null>>();
  for (const m of months)
    for (const inst of institutions) {
      const v: Record<string, number | null> = {};
      // a share within its indicator's plausible range: a percent column mixing 0.5 and 0.9 is refused as ambiguous (value-domains.ts)
      for (const d of monthly) {
        const [lo, hi] = d.domain?.plausible ?? [0, 1];
        const [a, b] = [Math.max(0, lo), Math.min(1, hi)];
        v[d.code] = d.unit === '%' ? Math.round((a + rand() * (b - a)) * 10000) / 10000 : Math.round(rand() * 1e6) / 100;
      }
      v.SVC_DISCHARGES = 100 + Math.floor(rand() * 3000);
      institutionValues.set(`${inst.code}|${m}`, v);
    }
  const drg = institutions.filter((i) => i.payment !== '否');
  const groups: GroupRow[] = [];
  const perCell = groupRows / (drg.length * months.length);
  let made = 0;
  for (let mi = 0; mi < months.length; mi++)
    for (let ii = 0; ii < drg.length; ii++) {
      const target = Math.round((mi * drg.length + ii + 1) * perCell);
      for (let g = 0; made < target; g++, made++) {
        const [code, name, rw, cost, los] = DRG_GROUPS[(ii + g) % DRG_GROUPS.length]!;
        const cases = 1 + Math.floor(rand() * 40);
        groups.push([
          drg[ii]!.code,
          months[mi]!,
          'DRG',
          code,
          name,
          cases,
          Math.round(cases * cost * (0.8 + rand() * 0.4)),
          Math.round(cases * los * (0.8 + rand() * 0.4)),
          rw,
          Math.round(cases * cost * 0.08),
          cases - 1,
          1,
        ]);
      }
    }
  const regionValues = new Map<string, Record<string, number | null>>();
  for (const m of months)
    regionValues.set(m, { FI_EMP_CONTRIB: 42000, FI_EMP_OTHER: 2600, FI_RES_PERSONAL: 900, FI_RES_SUBSIDY: 1200, FE_EMP: 38000, FE_RES: 21500 });
  return {
    regionCode: '990200',
    regionName: '基准测试市',
    producer: 'bench',
    createdAt: '2026-01-01',
    periods: months,
    institutions,
    extraIndicators: [],
    regionValues,
    institutionValues,
    groups,
  };
}
