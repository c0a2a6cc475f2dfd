// Random pools for property tests and the cross-language check (seeded, reproducible).
import type { Band, Pool, PoolInstitution } from '../../electron/services/draw/algorithm';
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
