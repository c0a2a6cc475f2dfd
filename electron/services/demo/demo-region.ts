// The demo region: a seeded, synthetic pooling region with real-world magnitudes, so the app
// opens on something meaningful and the tests have realistic data. About 80 institutions
// (10 tertiary, 30 secondary, 40 primary), 36 months (2023-01 … 2025-12), seasonal patterns,
// 44 real CHS-DRG 2.0 groups, and a few injected anomalies for the change flags to find.
// All names are fictitious ("示范市"); the region code 990100 is not a real division code.

import type { IndicatorDef } from '../../../shared/catalog/indicators';
import type { Institution, InstitutionLevel, PaymentMethod } from '../../../shared/domain/types';
import { periodRange } from '../../../shared/period';
import type { GroupRow } from '../import/parse-package';
import type { PackageData } from '../package/write-package';

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

/** CHS-DRG 2.0 groups: code, name, relative weight, average cost (元) and length of stay. */
export const DRG_GROUPS: [string, string, number, number, number][] = [
  ['AH19', '气管切开伴呼吸机支持≥96小时或ECMO', 9.8, 152000, 28],
  ['BB29', '除创伤之外的其他开颅术', 4.2, 62000, 18],
  ['BR29', '脑缺血性疾患', 0.92, 11800, 10],
  ['BR25', '脑缺血性疾患，伴一般并发症或合并症', 1.05, 13600, 11],
  ['BU19', '神经系统其他疾患', 0.7, 8800, 8],
  ['DT19', '中耳炎及上呼吸道感染', 0.42, 4300, 5],
  ['ES29', '呼吸系统感染/炎症', 0.86, 9600, 9],
  ['ES35', '呼吸系统感染/炎症，伴一般并发症或合并症', 1.02, 11900, 10],
  ['ET29', '慢性气道阻塞病', 0.88, 10100, 10],
  ['EX29', '百日咳及急性支气管炎', 0.45, 4800, 6],
  ['FM19', '经皮冠状动脉支架植入', 2.5, 38500, 7],
  ['FR29', '急性心肌梗死', 1.6, 21000, 9],
  ['FT29', '高血压', 0.55, 6200, 8],
  ['FV29', '心律失常及传导障碍', 0.7, 8300, 7],
  ['FW29', '心绞痛', 0.62, 7400, 7],
  ['GB19', '食管、胃、十二指肠大手术', 3.6, 56000, 17],
  ['GC29', '小肠、大肠（含直肠）的大手术', 3.1, 48000, 16],
  ['GK29', '胃镜治疗操作', 0.85, 10800, 6],
  ['GU29', '食管炎、胃肠炎', 0.48, 5200, 6],
  ['GZ19', '其他消化系统诊断', 0.6, 6900, 7],
  ['HC29', '胆囊切除手术', 1.35, 17800, 7],
  ['HS29', '肝硬化', 1.1, 13200, 12],
  ['HT29', '急性胰腺炎', 1.2, 14500, 10],
  ['IB29', '脊柱融合手术', 3.8, 68000, 14],
  ['IC29', '髋、肩、膝、肘和踝关节置换术', 3.2, 52000, 13],
  ['ID29', '手外科手术', 0.9, 11600, 7],
  ['IR29', '骨盆骨折', 1.3, 16400, 14],
  ['IU29', '骨病及其他关节病', 0.66, 7600, 9],
  ['JA29', '乳房恶性肿瘤根治切除术', 1.9, 26400, 10],
  ['JU19', '皮肤、皮下组织的非恶性增生性病变', 0.45, 5000, 5],
  ['KS19', '糖尿病', 0.72, 8400, 9],
  ['LA29', '肾、输尿管及膀胱恶性肿瘤的大手术', 3.0, 47000, 15],
  ['LJ19', '输尿管镜手术', 1.05, 13800, 6],
  ['LR19', '肾功能不全', 1.15, 13900, 11],
  ['LU19', '泌尿系结石', 0.52, 5900, 6],
  ['NA29', '女性生殖器官恶性肿瘤的广泛切除手术', 2.6, 39000, 13],
  ['OB29', '剖宫产术', 0.82, 9800, 6],
  ['OC29', '阴道分娩', 0.5, 5600, 4],
  ['PS19', '早产儿（出生体重≥2500克）', 0.95, 11200, 9],
  ['RE19', '恶性增生性疾患的化学治疗和/或靶向、生物治疗', 0.78, 9200, 5],
  ['RU29', '恶性增生性疾患的放射治疗', 1.7, 22000, 20],
  ['SR19', '发热', 0.4, 4200, 5],
  ['XS19', '急性中毒', 0.58, 6500, 4],
  ['ZZ19', '多发性严重创伤', 4.6, 71000, 19],
];

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

  // per-institution constants
  const profile = new Map(
    insts.map((i) => {
      const t = i.level === '三级' ? 0 : i.level === '二级' ? 1 : 2;
      const base = [2600 + rand() * 2400, 520 + rand() * 900, 25 + rand() * 110][t]!;
      const cps = [13000 + rand() * 2000, 6000 + rand() * 1000, 2000 + rand() * 2000][t]!;
      // roughly normal spread between peers (sum of three uniforms), as real ratios are
      const bell = () => (rand() + rand() + rand() - 1.5) / 1.5;
      const opRatio = [12 + bell() * 2.5, 9.5 + bell() * 2, 37 + bell() * 10][t]!;
      const costFactor = cps / [14000, 6500, 3000][t]!;
      const losFactor = [1.0, 0.95, 0.9][t]! * noise(0.12);
      const groupCount = t === 0 ? 44 : 26;
      const groupOffset = Math.floor(rand() * DRG_GROUPS.length);
      // shares are properties of an institution that drift slowly, not new draws each month
      const upload = 0.97 + rand() * 0.025;
      const qc = 0.91 + rand() * 0.07;
      const oop = [0.08, 0.06, 0.03][t]! + rand() * 0.04;
      const settled = 0.83 + rand() * 0.1;
      const actualShare = 0.02 + rand() * 0.04;
      // each hospital's case mix is its own and stable: group shares drift a little month to month
      const groupWeights = Array.from({ length: groupCount }, () => 0.3 + rand());
      return [i.code, { t, base, cps, opRatio, costFactor, losFactor, groupCount, groupOffset, upload, qc, oop, settled, actualShare, groupWeights }];
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
    { institution: renai, period: '2025-10', indicator: 'SVC_COST_INDEX', description: '费用消耗指数约1.6，显著高于同级' },
    { institution: center, period: '2025-09', indicator: 'DRG_LIST_QC', description: '结算清单质控通过率跌至62%' },
    { institution: street, period: '2025-08', indicator: 'SVC_OP_IP_RATIO', description: '门诊住院人次比骤降（门诊人次锐减）' },
  );

  for (const month of months) {
    const m = Number(month.slice(5));
    const year = Number(month.slice(0, 4));
    const trend = 1 + 0.035 * (year - 2023) + 0.003 * (m - 1);
    let empPooledSum = 0;
    let resIpSum = 0;
    for (const i of insts) {
      const p = profile.get(i.code)!;
      let discharges = Math.round(p.base * SEASON[m - 1]! * trend * noise(0.05));
      if (i.code === countyTcm && month === '2025-12') discharges = Math.round(discharges * 1.8);
      let cps = p.cps * (1 + 0.02 * (year - 2023)) * noise(0.03);
      if (i.code === ortho && month === '2025-11') cps *= 1.45;
      let opVisits = Math.round(discharges * p.opRatio * noise(0.06));
      if (i.code === street && month === '2025-08') opVisits = Math.round(opVisits * 0.25);
      const ipCost = (discharges * cps) / 10000; // 万元
      const empIp = ipCost * (0.3 + rand() * 0.04);
      const resIp = ipCost * (0.24 + rand() * 0.04);
      const empPooled = empIp + ((opVisits * (p.t === 2 ? 45 : 120)) / 10000) * 0.6;
      empPooledSum += empPooled;
      resIpSum += resIp;
      const v: Record<string, number | null> = {
        SVC_IP_COST: round(ipCost),
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
      if (p.t === 0) v.SVC_COST_PER_STAY = round(cps, 2);
      institutionValues.set(`${i.code}|${month}`, v);

      if (i.payment === '否') continue;
      // DRG group rows: ~85% of discharges fall into groups
      const inGroups = Math.round(discharges * 0.85);
      const weights = p.groupWeights.map((w) => w * noise(0.08));
      const wsum = weights.reduce((a, b) => a + b, 0);
      for (let g = 0; g < p.groupCount; g++) {
        const [code, name, rw, avgCost, los] = DRG_GROUPS[(p.groupOffset + g) % DRG_GROUPS.length]!;
        const cases = Math.max(1, Math.round((inGroups * weights[g]!) / wsum));
        let costFactor = p.costFactor * noise(0.08);
        if (i.code === renai && month === '2025-10') costFactor *= 1.6;
        if (i.code === ortho && month === '2025-11') costFactor *= 1.45;
        const totalCost = round(cases * avgCost * costFactor * (1 + 0.02 * (year - 2023)));
        const bedDays = Math.round(cases * los * p.losFactor * noise(0.08));
        const actual = Math.round(cases * p.actualShare * (0.7 + rand() * 0.6));
        groups.push([
          i.code,
          month,
          i.payment === 'DIP' ? 'DIP' : 'DRG',
          code,
          name,
          cases,
          totalCost,
          bedDays,
          i.payment === 'DIP' ? round(rw * 1000, 0) : rw,
          round(totalCost * (0.05 + rand() * 0.06)),
          cases - actual,
          actual,
        ]);
      }
    }
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
  for (const y of ['2023', '2024', '2025']) {
    const k = Number(y) - 2023;
    regionValues.set(y, { FB_EMP_POOLED_ACC: round(520000 * (1 + 0.06 * k)), FB_RES_ACC: round(180000 * (1 + 0.03 * k)) });
  }
  for (const y of ['2023', '2024', '2025']) {
    const k = Number(y) - 2023;
    const v = regionValues.get(y) ?? {};
    Object.assign(v, {
      BUD_IP: round(420000 * (1 + 0.04 * k)),
      BUD_OP: round(150000 * (1 + 0.05 * k)),
      BUD_DRG: round(330000 * (1 + 0.05 * k)),
      BUD_OTHER: round(40000 * (1 + 0.02 * k)),
    });
    regionValues.set(y, v);
  }

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
