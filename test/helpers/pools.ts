// Random pools for property tests and the cross-language check (seeded, reproducible).
import { BANDS, type Band, type DrawRules, type FixedMember, type Pool, type PoolInstitution } from '../../electron/services/draw/algorithm';
import { mulberry32 } from '../../electron/services/demo/demo-region';

const TYPES = ['综合', '中医', '专科', '妇幼', '社区卫生服务中心', '乡镇卫生院'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

export function randomPool(seed: number, opts: { institutions?: number; pharmacies?: number } = {}): Pool {
  const rand = mulberry32(seed);
  const n = opts.institutions ?? 12 + Math.floor(rand() * 40);
  const bands: Band[] = ['三级', '二级', '一级及基层', '未定级'];
  const institutions: PoolInstitution[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    const band = i < 3 ? '三级' : i < 7 ? '二级' : i < 11 ? '一级及基层' : bands[r < 0.2 ? 0 : r < 0.5 ? 1 : r < 0.95 ? 2 : 3]!;
    const code = `H${String(Math.floor(rand() * 1e8)).padStart(8, '0')}${i}`;
    const people = Array.from({ length: 1 + Math.floor(rand() * 2) }, (_, k) => ({
      id: `M${String(i * 2 + k + 1).padStart(5, '0')}`,
      name: `${SURNAMES[Math.floor(rand() * 10)]}某${i}${k}`,
      role: k === 0 ? '医保办' : '财务',
    }));
    institutions.push({ code, name: `医院${i}（"引号"\\反斜杠）`, band, type: TYPES[Math.floor(rand() * TYPES.length)]!, kind: 'hospital', people });
  }
  for (let i = 0; i < (opts.pharmacies ?? 0); i++)
    institutions.push({
      code: `P${1000 + i}`,
      name: `药店${i}`,
      band: '未定级',
      type: '零售药店',
      kind: 'pharmacy',
      people: [{ id: `M${String(900 + i)}`, name: `药师${i}`, role: '负责人' }],
    });
  return { institutions };
}

/** A small random pool with rules and, half the time, sitting members (a replacement draw). */
export interface Case {
  pool: Pool;
  rules: DrawRules;
  fixed: FixedMember[];
}

export function randomCase(seed: number): Case {
  const r = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const bands: Band[] = ['三级', '二级', '一级及基层', '未定级'];
  const n = int(6, 14);
  const institutions: PoolInstitution[] = [];
  for (let i = 0; i < n; i++) {
    const people = Array.from({ length: r() < 0.15 ? 0 : int(1, 2) }, (_, k) => ({
      id: `M${String(i * 10 + k).padStart(5, '0')}`,
      name: `人${i}${k}`,
      role: '院领导',
    }));
    institutions.push({
      code: `H${String(i).padStart(3, '0')}`,
      name: `医院${i}`,
      band: bands[r() < 0.08 ? 3 : int(0, 2)]!,
      type: `类型${int(1, 3)}`,
      kind: 'hospital',
      people,
    });
  }
  for (let i = 0; i < int(0, 3); i++)
    institutions.push({
      code: `P${i}`,
      name: `药店${i}`,
      band: '未定级',
      type: '零售药店',
      kind: 'pharmacy',
      people: [{ id: `M9000${i}`, name: `药${i}`, role: '负责人' }],
    });
  const seats = int(8, 9);
  const minimums = { 三级: int(0, 4), 二级: int(0, 4), 一级及基层: int(0, 4) };
  while (minimums.三级 + minimums.二级 + minimums.一级及基层 > seats) minimums[BANDS[int(0, 2)]!] = Math.max(0, minimums[BANDS[int(0, 2)]!] - 1);
  const rules: DrawRules = { seats, minimums, maxPerInstitution: 1, coverTypes: r() < 0.6, pharmacySeats: r() < 0.3 ? int(1, 2) : 0 };
  // a replacement draw keeps some sitting members (their institutions stay in the pool, their people do not)
  const fixed: FixedMember[] = [];
  if (r() < 0.5) {
    for (const inst of institutions) {
      if (r() < 0.45 && inst.people.length) {
        fixed.push({ institution: inst.code, person: inst.people[0]!.id });
        inst.people = [];
      }
    }
  }
  return { pool: { institutions }, rules, fixed };
}
