// Prints the test vectors of docs/draw-algorithm.md (run: node dist/node/draw-vectors.cjs).
import { DEFAULT_RULES, runDraw, type DrawRules, type Pool } from '../electron/services/draw/algorithm';

const inst = (code: string, name: string, band: '三级' | '二级' | '一级及基层', type: string, people: [string, string, string][]) => ({
  code,
  name,
  band,
  type,
  kind: 'hospital' as const,
  people: people.map(([id, n, role]) => ({ id, name: n, role })),
});

const pool: Pool = {
  institutions: [
    inst('H001', '示范市第一人民医院', '三级', '综合', [
      ['M00001', '王一', '院领导'],
      ['M00002', '李二', '医保办'],
    ]),
    inst('H002', '示范市中医院', '三级', '中医', [['M00003', '张三', '医保办']]),
    inst('H003', '示范市妇幼保健院', '三级', '妇幼', [['M00004', '刘四', '财务']]),
    inst('H004', '东湖县人民医院', '二级', '综合', [
      ['M00005', '陈五', '医保办'],
      ['M00006', '杨六', '院领导'],
    ]),
    inst('H005', '西山县中医院', '二级', '中医', [['M00007', '赵七', '医保办']]),
    inst('H006', '南川县人民医院', '二级', '综合', [['M00008', '黄八', '财务']]),
    inst('H007', '示范仁爱医院', '二级', '专科', [['M00009', '周九', '医保办']]),
    inst('H008', '城东社区卫生服务中心', '一级及基层', '社区卫生服务中心', [['M00010', '吴十', '院领导']]),
    inst('H009', '城西社区卫生服务中心', '一级及基层', '社区卫生服务中心', [['M00011', '郑十一', '医保办']]),
    inst('H010', '石桥镇卫生院', '一级及基层', '乡镇卫生院', [['M00012', '冯十二', '院领导']]),
    inst('H011', '柳河镇卫生院', '一级及基层', '乡镇卫生院', [['M00013', '褚十三', '财务']]),
    inst('H012', '杨庄镇卫生院', '一级及基层', '乡镇卫生院', [['M00014', '卫十四', '医保办']]),
  ],
};
const withPharmacy: Pool = {
  institutions: [
    ...pool.institutions,
    { code: 'P001', name: '康民大药房', band: '未定级', type: '零售药店', kind: 'pharmacy', people: [{ id: 'M00015', name: '蒋十五', role: '负责人' }] },
    { code: 'P002', name: '仁心药店', band: '未定级', type: '零售药店', kind: 'pharmacy', people: [{ id: 'M00016', name: '沈十六', role: '负责人' }] },
  ],
};

const first = { pool, rules: DEFAULT_RULES, seed: '2025年第30期 03 11 17 24 29 + 05', previousHash: '', fixed: [] };
const firstOut = runDraw(first);
const nine: DrawRules = { ...DEFAULT_RULES, seats: 9, coverTypes: false };
const inputs = [
  { name: '首次抽选（默认规则）', input: first },
  { name: '9名席位、不优先覆盖类型', input: { pool, rules: nine, seed: '骰子 6 2 5 1 3 4 4 2', previousHash: '', fixed: [] } },
  {
    name: '补充抽选（第1名成员退出）',
    // the member who left is no longer in the pool; the other seven are fixed
    input: {
      pool: { institutions: pool.institutions.map((i) => ({ ...i, people: i.people.filter((p) => p.id !== firstOut.result[0]!.person) })) },
      rules: DEFAULT_RULES,
      seed: '１２ ３４ ５６',
      previousHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      fixed: firstOut.result.slice(1),
    },
  },
  { name: '含1名零售药店代表', input: { pool: withPharmacy, rules: { ...DEFAULT_RULES, pharmacySeats: 1 }, seed: '7 7 7 1 2 3', previousHash: '', fixed: [] } },
];
const vectors = inputs.map(({ name, input }) => {
  const out = runDraw(input);
  return { name, input, expected: { poolHash: out.poolHash, rulesHash: out.rulesHash, seedCanonical: out.seedCanonical, result: out.result } };
});
process.stdout.write(`${JSON.stringify(vectors, null, 1)}\n`);
