// The demo region: a seeded, synthetic pooling region with real-world magnitudes, so the app
// opens on something meaningful and the tests have realistic data. About 80 institutions
// (10 tertiary, 30 secondary, 40 primary), 36 months (2023-01 … 2025-12), seasonal patterns,
// DRG groups per hospital by its level and specialty (case-mix.ts, drg-catalog.ts) whose rows add
// up to its inpatient totals, budgets the spending keeps to (95–99% executed), and a few injected
// anomalies for the change flags to find.
// All names are fictitious ("示范市"); the region code 990100 is not a real division code.

import type { IndicatorDef } from '../../../shared/catalog/indicators';
import type { Institution, InstitutionLevel, PaymentMethod } from '../../../shared/domain/types';
import { periodRange } from '../../../shared/period';
import type { GroupRow } from '../import/parse-package';
import type { PackageData } from '../package/write-package';
import { caseMix, drawMonth } from './case-mix';
import { addFurtherFigures } from './further-figures';

/** Deterministic PRNG for synthetic data only (never for the member draw). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export { DRG_GROUPS } from './drg-catalog';

export interface InjectedAnomaly {
  institution: string;
  period: string;
  indicator: string;
  description: string;
}

export interface DemoRegion {
  data: PackageData;
  anomalies: InjectedAnomaly[];
}

export const DEMO_REGION_CODE = '990100';
export const DEMO_REGION_NAME = '示范市（虚拟数据）';

const COUNTIES = ['东湖', '西山', '南川', '北塘', '青石', '云台', '临江', '白沙', '金桥', '安平', '永宁', '长乐'];
const STREETS = [
  '城东',
  '城西',
  '城南',
  '城北',
  '中山',
  '人民',
  '解放',
  '建设',
  '和平',
  '新华',
  '光明',
  '幸福',
  '朝阳',
  '滨江',
  '文昌',
  '育才',
  '兴隆',
  '龙泉',
  '凤凰',
  '望湖',
];
const TOWNS = [
  '石桥',
  '柳河',
  '杨庄',
  '马桥',
  '双溪',
  '桃源',
  '黄土岭',
  '高岗',
  '白马',
  '龙门',
  '青龙',
  '清水',
  '三河',
  '五里',
  '七星',
  '大营',
  '李集',
  '张湾',
  '赵家',
  '刘村',
];

function institutions(): Institution[] {
  const out: Institution[] = [];
  let n = 0;
  const add = (name: string, level: InstitutionLevel, type: string, ownership: string, payment: PaymentMethod) =>
    out.push({ code: `H99010${String(++n).padStart(6, '0')}`, name, level, type, ownership, payment });
  add('示范市第一人民医院', '三级', '综合', '公立', 'DRG');
  add('示范市中心医院', '三级', '综合', '公立', 'DRG');
  add('示范医科大学附属医院', '三级', '综合', '公立', 'DRG');
  add('示范市第二人民医院', '三级', '综合', '公立', 'DRG');
  add('示范市中医院', '三级', '中医', '公立', 'DRG');
  add('示范市妇幼保健院', '三级', '妇幼', '公立', 'DRG');
  add('示范市肿瘤医院', '三级', '专科', '公立', 'DRG');
  add('示范市骨科医院', '三级', '专科', '公立', 'DRG');
  add('示范市第三人民医院', '三级', '综合', '公立', 'DRG');
  add('示范市儿童医院', '三级', '专科', '公立', 'DRG');
  for (let i = 0; i < 12; i++) add(`${COUNTIES[i]}县人民医院`, '二级', '综合', '公立', 'DRG');
  for (let i = 0; i < 8; i++) add(`${COUNTIES[i]}县中医院`, '二级', '中医', '公立', 'DRG');
  for (let i = 0; i < 4; i++) add(`${COUNTIES[i + 8]}县妇幼保健院`, '二级', '妇幼', '公立', 'DRG');
  const privateNames = ['示范仁爱医院', '示范康华医院', '示范博爱医院', '示范同济医院', '示范华康骨科医院', '示范明仁眼科医院'];
  // a region pays by one scheme: the demo region pays its hospitals by DRG
  for (const name of privateNames) add(name, '二级', name.includes('骨科') || name.includes('眼科') ? '专科' : '综合', '民营', 'DRG');
  for (let i = 0; i < 20; i++) add(`示范市${STREETS[i]}社区卫生服务中心`, i < 6 ? '一级' : '基层', '社区卫生服务中心', '公立', '否');
  for (let i = 0; i < 20; i++) add(`${COUNTIES[i % 12]}县${TOWNS[i]}镇卫生院`, i < 8 ? '一级' : '基层', '乡镇卫生院', '公立', '否');
  return out;
}

/** Winter peaks, a Spring-Festival dip in February, a summer lull. */
const SEASON = [1.04, 0.86, 1.02, 1.0, 0.98, 0.97, 0.99, 0.98, 1.0, 1.01, 1.05, 1.1];

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

export function generateDemoRegion(seed = 20250101): DemoRegion {
  const rand = mulberry32(seed);
  const noise = (spread: number) => 1 + (rand() * 2 - 1) * spread;
  const insts = institutions();
  const months = periodRange('2023-01', '2025-12');
  const regionValues = new Map<string, Record<string, number | null>>();
  const institutionValues = new Map<string, Record<string, number | null>>();
  const groups: GroupRow[] = [];
  const anomalies: InjectedAnomaly[] = [];
  // the inpatient pooled fund's spending of each year (职工 + 居民住院统筹基金支出), for the budgets
  const spendingOfYear = new Map<number, number>();

  // per-institution constants
  const profile = new Map(
    insts.map((i) => {
      const t = i.level === '三级' ? 0 : i.level === '二级' ? 1 : 2;
      const base = [2600 + rand() * 2400, 520 + rand() * 900, 25 + rand() * 110][t]!;
      // primary care has no group rows: its cost per stay is drawn directly
      const cps = [0, 0, 2000 + rand() * 2000][t]!;
      // roughly normal spread between peers (sum of three uniforms), as real ratios are
      const bell = () => (rand() + rand() + rand() - 1.5) / 1.5;
      const opRatio = [12 + bell() * 2.5, 9.5 + bell() * 2, 37 + bell() * 10][t]!;
      // a group's cost here against a tertiary hospital's, and its stays against the group's mean
      const costFactor = [0.95 + rand() * 0.15, i.ownership === '民营' ? 0.66 + rand() * 0.1 : 0.6 + rand() * 0.1, 1][t]!;
      const losFactor = [1.0, 0.95, 0.9][t]! * noise(0.12);
      // the share of discharged cases that fall into a group (the rest are not grouped)
      const coverage = 0.9 + rand() * 0.07;
      const mix = i.payment === '否' ? [] : caseMix(i, rand);
      // shares are properties of an institution that drift slowly, not new draws each month
      const upload = 0.97 + rand() * 0.025;
      const qc = 0.91 + rand() * 0.07;
      const oop = [0.08, 0.06, 0.03][t]! + rand() * 0.04;
      const settled = 0.83 + rand() * 0.1;
      const actualShare = 0.02 + rand() * 0.04;
      return [i.code, { t, base, cps, opRatio, costFactor, losFactor, coverage, mix, upload, qc, oop, settled, actualShare }];
    }),
  );

  // anomalies, chosen by name so they are easy to find and explain
  const byName = (name: string) => insts.find((i) => i.name === name)!.code;
  const ortho = byName('示范市骨科医院');
  const countyTcm = byName('西山县中医院');
  const renai = byName('示范仁爱医院');
  const center = byName('示范市中心医院');
  const street = byName('示范市城东社区卫生服务中心');
  anomalies.push(
    { institution: ortho, period: '2025-11', indicator: 'SVC_COST_PER_STAY', description: '次均住院费用较上月和同级机构骤增约45%' },
    { institution: countyTcm, period: '2025-12', indicator: 'SVC_DISCHARGE_GROWTH', description: '出院人次同比增长约80%' },
    { institution: renai, period: '2025-10', indicator: 'SVC_COST_INDEX', description: '费用消耗指数较上月骤升约60%（约1.3），显著高于同级' },
    { institution: center, period: '2025-09', indicator: 'DRG_LIST_QC', description: '结算清单质控通过率跌至62%' },
    { institution: street, period: '2025-08', indicator: 'SVC_OP_IP_RATIO', description: '门诊住院人次比骤降（门诊人次锐减）' },
  );

  for (const month of months) {
    const m = Number(month.slice(5));
    const year = Number(month.slice(0, 4));
    const trend = 1 + 0.035 * (year - 2023) + 0.003 * (m - 1);
    let empPooledSum = 0;
    let resIpSum = 0;
    let ipSpending = 0;
    for (const i of insts) {
      const p = profile.get(i.code)!;
      let discharges = Math.round(p.base * SEASON[m - 1]! * trend * noise(0.05));
      if (i.code === countyTcm && month === '2025-12') discharges = Math.round(discharges * 1.8);
      const drift = 1 + 0.02 * (year - 2023);
      let ipCost: number; // 元
      let monthGroups: ReturnType<typeof drawMonth> = [];
      if (i.payment === '否') ipCost = discharges * p.cps * drift * noise(0.03);
      else {
        // the month's group rows, then the cases no group takes at the grouped cases' mean cost
        let costFactor = p.costFactor * drift * noise(0.02);
        if (i.code === renai && month === '2025-10') costFactor *= 1.6;
        if (i.code === ortho && month === '2025-11') costFactor *= 1.45;
        monthGroups = drawMonth(p.mix, discharges * p.coverage, costFactor, p.losFactor, rand);
        const grouped = monthGroups.reduce((a, g) => a + g.cases, 0);
        const groupedCost = monthGroups.reduce((a, g) => a + g.cost, 0);
        const ungrouped = Math.max(0, discharges - grouped);
        discharges = grouped + ungrouped;
        ipCost = groupedCost + ((ungrouped * groupedCost) / Math.max(1, grouped)) * (0.8 + rand() * 0.2);
      }
      let opVisits = Math.round(discharges * p.opRatio * noise(0.06));
      if (i.code === street && month === '2025-08') opVisits = Math.round(opVisits * 0.25);
      const ipWan = round(ipCost / 10000); // 万元
      const empIp = ipWan * (0.3 + rand() * 0.04);
      const resIp = ipWan * (0.24 + rand() * 0.04);
      const empPooled = empIp + ((opVisits * (p.t === 2 ? 45 : 120)) / 10000) * 0.6;
      empPooledSum += empPooled;
      resIpSum += round(resIp);
      ipSpending += round(empIp) + round(resIp);
      const v: Record<string, number | null> = {
        SVC_IP_COST: ipWan,
        SVC_DISCHARGES: discharges,
        SVC_OP_VISITS: opVisits,
        FE_EMP_POOLED: round(empPooled),
        FE_EMP_POOLED_IP: round(empIp),
        FE_RES_POOLED_IP: round(resIp),
        DRG_LIST_UPLOAD: round(Math.min(1, p.upload + (rand() - 0.5) * 0.006), 4),
        DRG_LIST_QC: round(i.code === center && month === '2025-09' ? 0.62 : Math.min(1, p.qc + (rand() - 0.5) * 0.012), 4),
        SVC_OOP_SHARE: round(p.oop * (1 + (rand() - 0.5) * 0.06), 4),
      };
      if (i.payment !== '否') v.DRG_SETTLED_SHARE = round(p.settled + (rand() - 0.5) * 0.01, 4);
      // supply 次均 for tertiary hospitals (checked against the formula), derive it for the rest
      if (p.t === 0) v.SVC_COST_PER_STAY = round((ipWan * 10000) / discharges, 2);
      institutionValues.set(`${i.code}|${month}`, v);
      for (const g of monthGroups) {
        const actual = Math.min(g.cases, Math.round(g.cases * p.actualShare * (0.7 + rand() * 0.6)));
        // self-pay follows the hospital's share outside the fund (医保外费用占比), group by group
        const selfPay = round(g.cost * p.oop * (0.75 + rand() * 0.5));
        const dip = i.payment === 'DIP';
        groups.push([
          i.code,
          month,
          dip ? 'DIP' : 'DRG',
          g.group.code,
          g.group.name,
          g.cases,
          g.cost,
          g.bedDays,
          dip ? round(g.group.weight * 1000, 0) : g.group.weight,
          selfPay,
          g.cases - actual,
          actual,
        ]);
      }
    }
    spendingOfYear.set(year, (spendingOfYear.get(year) ?? 0) + ipSpending);
    // region fund report (万元). Spending follows the hospitals' settlements (the fund also pays
    // pharmacies, outpatient care and care outside the region); income runs a few percent above
    // spending over a year, employees' contributions monthly, residents' in January-February
    // (personal) and in the first month of each quarter (fiscal subsidy), as in real fund reports.
    const feEmp = (empPooledSum * 1.22) / (0.78 + rand() * 0.04);
    const feRes = resIpSum * (1.3 + rand() * 0.06);
    const empContrib = feEmp * (1.02 + rand() * 0.08) * 0.94;
    const empOther = feEmp * 0.06 * noise(0.2);
    const resAnnual = feRes * 12 * 1.04;
    const resPersonal = m <= 2 ? resAnnual * 0.16 * noise(0.05) : resAnnual * 0.004 * noise(0.2);
    const resSubsidy = m % 3 === 1 ? resAnnual * 0.155 * noise(0.05) : resAnnual * 0.004 * noise(0.2);
    const r: Record<string, number | null> = {
      FI_EMP_CONTRIB: round(empContrib),
      FI_EMP_OTHER: round(empOther),
      FI_RES_PERSONAL: round(resPersonal),
      FI_RES_SUBSIDY: round(resSubsidy),
      FE_EMP: round(feEmp),
      FE_RES: round(feRes),
      FE_EMP_POOLED: round(empPooledSum * 1.22),
      FB_EMP_POOLED_CUR: round(empContrib * 0.86 + empOther * 0.5 - empPooledSum * 1.22),
    };
    // totals supplied from the fund report, so the parts-vs-total check has something to check
    r.FI_TOTAL = round(r.FI_EMP_CONTRIB! + r.FI_EMP_OTHER! + r.FI_RES_PERSONAL! + r.FI_RES_SUBSIDY!);
    r.FE_TOTAL = round(r.FE_EMP! + r.FE_RES!);
    regionValues.set(month, r);
  }

  // quarters: medical aid
  for (const q of periodRange('2023-Q1', '2025-Q4')) regionValues.set(q, { MA_INCOME: round(3800 * noise(0.1)), MA_EXPENSE: round(3400 * noise(0.1)) });
  // half-years: payment rate, hospitalization rate, special-case review
  for (const h of periodRange('2023-H1', '2025-H2')) {
    regionValues.set(h, { FE_PAYMENT_RATE: round(0.68 + rand() * 0.05, 4), SVC_HOSP_RATE: round(0.082 + rand() * 0.012, 4) });
    for (const i of insts) {
      if (i.payment === '否') continue;
      const p = profile.get(i.code)!;
      const submitted = Math.round(p.base * 6 * 0.004 * noise(0.4));
      institutionValues.set(`${i.code}|${h}`, {
        SC_SUBMITTED: submitted,
        SC_APPROVED: Math.round(submitted * (0.6 + rand() * 0.3)),
        FE_PAYMENT_RATE: round(0.62 + rand() * 0.12, 4),
      });
    }
  }
  // years: accumulated balances; 下一年度预算, filed with each year's figures for the year after
  // (shared/budget.ts): filed under 2023 for 2024, …, under 2025 for 2026
  // (2023's year-end from the bulletin; each later year-end is the one before plus the year's 当期结余, as a fund report has it)
  let empAcc = 520000;
  let resAcc = 180000;
  for (const y of ['2023', '2024', '2025']) {
    if (y !== '2023')
      for (const m of periodRange(`${y}-01`, `${y}-12`)) {
        const r = regionValues.get(m)!;
        empAcc += r.FB_EMP_POOLED_CUR!;
        resAcc += r.FI_RES_PERSONAL! + r.FI_RES_SUBSIDY! - r.FE_RES!;
      }
    regionValues.set(y, { FB_EMP_POOLED_ACC: round(empAcc), FB_RES_ACC: round(resAcc) });
  }
  // a budget is planned a little above the next year's spending: execution 95–99% (within 90–105%, and no year over budget)
  // (2026's, filed under 2025, from 2025's spending and the trend)
  for (const y of ['2023', '2024', '2025']) {
    const next = spendingOfYear.get(Number(y) + 1) ?? spendingOfYear.get(Number(y))! * 1.06;
    const ip = next / (0.95 + rand() * 0.04);
    const v = regionValues.get(y) ?? {};
    Object.assign(v, { BUD_IP: round(ip), BUD_OP: round(ip * 0.36), BUD_DRG: round(ip * 0.78), BUD_OTHER: round(ip * 0.095) });
    regionValues.set(y, v);
  }

  // the figures beyond the official table, from a stream of their own (the numbers above stay as they were)
  addFurtherFigures(insts, institutionValues, regionValues, groups, mulberry32(seed + 31));

  const extraIndicators: IndicatorDef[] = [
    {
      code: 'X_DRUG_TRACE_RATE',
      name: '药品追溯码采集率',
      group: '地方指标',
      parent: null,
      frequency: '月',
      source: '地方数据包',
      perInstitution: true,
      unit: '%',
      additive: false,
      bounded01: false,
      official: false,
    },
  ];
  for (const i of insts) {
    if (i.level !== '三级') continue;
    for (const month of periodRange('2025-01', '2025-12')) {
      const v = institutionValues.get(`${i.code}|${month}`)!;
      v.X_DRUG_TRACE_RATE = round(0.55 + 0.035 * Number(month.slice(5)) + rand() * 0.03, 4);
    }
  }

  return {
    data: {
      regionCode: DEMO_REGION_CODE,
      regionName: DEMO_REGION_NAME,
      producer: '示范市医疗保障局（虚拟）',
      createdAt: '2026-01-15',
      periods: ['2023-01', '2025-12'],
      institutions: insts,
      extraIndicators,
      regionValues,
      institutionValues,
      groups,
    },
    anomalies,
  };
}
