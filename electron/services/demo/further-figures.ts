// The demo region's figures beyond the official table (shared/catalog/further-indicators.ts), derived from the
// figures demo-region.ts already drew, with a random stream of their own so that adding them changed none of the
// earlier numbers. Each follows the practice the seeds describe: a hospital's 总额预算 a little above its year's
// inpatient pooled spending, 按月预拨 nine tenths of a twelfth of it, the month's settlement the pooled spending
// less a withheld 质保金, 年度清算 the year's spending settled at 98–101 %, 特例单议 settled for nearly all approved
// cases at about twice the hospital's cost per stay, and cross-region care a few percent of the region's stays.

import type { Institution } from '../../../shared/domain/types';
import { periodRange } from '../../../shared/period';
import type { GroupRow } from '../import/parse-package';

type Values = Map<string, Record<string, number | null>>;

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;
const YEARS = ['2023', '2024', '2025'] as const;

/** Adds the further figures to the demo's value maps in place. */
export function addFurtherFigures(
  insts: readonly Institution[],
  institutionValues: Values,
  regionValues: Values,
  groups: readonly GroupRow[],
  rand: () => number,
): void {
  const grouped = new Map<string, number>();
  for (const g of groups) grouped.set(`${g[0]}|${g[1]}`, (grouped.get(`${g[0]}|${g[1]}`) ?? 0) + g[5]);
  const pooledIp = (v: Record<string, number | null>) => (v.FE_EMP_POOLED_IP ?? 0) + (v.FE_RES_POOLED_IP ?? 0);

  for (const i of insts) {
    const t = i.level === '三级' ? 0 : i.level === '二级' ? 1 : 2;
    const exam = [0.22, 0.2, 0.16][t]! + rand() * 0.05;
    const drug = [0.26, 0.3, 0.34][t]! + rand() * 0.06;
    const opCost = [310, 200, 95][t]! * (0.9 + rand() * 0.2); // 元 per outpatient visit
    const excluded = i.payment === '否' ? 0 : 0.008 + rand() * 0.02;
    for (const y of YEARS) {
      const months = periodRange(`${y}-01`, `${y}-12`);
      const spent = months.reduce((a, m) => a + pooledIp(institutionValues.get(`${i.code}|${m}`)!), 0);
      const budget = round(spent * (1.02 + rand() * 0.06));
      institutionValues.set(`${i.code}|${y}`, {
        ...(institutionValues.get(`${i.code}|${y}`) ?? {}),
        INST_BUDGET: budget,
        SETTLE_ANNUAL: round(spent * (0.98 + rand() * 0.03)),
      });
      for (const m of months) {
        const v = institutionValues.get(`${i.code}|${m}`)!;
        const ip = v.SVC_IP_COST!;
        const drift = 1 + (rand() - 0.5) * 0.04;
        v.FUND_PREPAY = round((budget / 12) * 0.9);
        v.SETTLE_MONTHLY = round(pooledIp(v) * (0.93 + rand() * 0.02));
        v.SVC_EXAM_COST = round(ip * exam * drift);
        v.SVC_DRUG_COST = round(ip * drug * (2 - drift));
        v.SVC_TOTAL_COST = round(ip + (v.SVC_OP_VISITS! * opCost) / 10000);
        if (i.payment !== '否') {
          v.DRG_GROUPED_CASES = grouped.get(`${i.code}|${m}`) ?? 0;
          v.EXCL_PAY = round(ip * excluded * drift);
        }
      }
    }
    if (i.payment === '否') continue;
    for (const h of periodRange('2023-H1', '2025-H2')) {
      const v = institutionValues.get(`${i.code}|${h}`);
      if (!v?.SC_APPROVED) continue;
      const [y, half] = [h.slice(0, 4), h.endsWith('1') ? 1 : 2];
      const months = periodRange(`${y}-${half === 1 ? '01' : '07'}`, `${y}-${half === 1 ? '06' : '12'}`).map((m) => institutionValues.get(`${i.code}|${m}`)!);
      const perStay =
        months.reduce((a, m) => a + m.SVC_IP_COST!, 0) /
        Math.max(
          1,
          months.reduce((a, m) => a + m.SVC_DISCHARGES!, 0),
        );
      const settled = Math.round(v.SC_APPROVED * (0.9 + rand() * 0.1));
      v.SC_SETTLED = settled;
      v.SC_SETTLED_AMOUNT = round(settled * perStay * (1.7 + rand() * 0.5));
    }
  }

  for (const m of periodRange('2023-01', '2025-12')) {
    let stays = 0;
    let cost = 0;
    for (const i of insts) {
      const v = institutionValues.get(`${i.code}|${m}`)!;
      stays += v.SVC_DISCHARGES!;
      cost += v.SVC_IP_COST!;
    }
    const perStay = cost / stays; // 万元
    const r = regionValues.get(m)!;
    r.REMOTE_OUT_CASES = Math.round(stays * (0.055 + rand() * 0.01));
    r.REMOTE_OUT_AMOUNT = round(r.REMOTE_OUT_CASES * perStay * 1.5 * 0.62);
    r.REMOTE_IN_CASES = Math.round(stays * (0.028 + rand() * 0.008));
    r.REMOTE_IN_AMOUNT = round(r.REMOTE_IN_CASES * perStay * 1.2 * 0.6);
  }
}
