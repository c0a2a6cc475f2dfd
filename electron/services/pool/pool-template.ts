// The recommendation workbook (推荐表) the bureau sends to its institutions: the header the pool
// import reads (类别 | 机构编码 | 机构名称 | 姓名 | 职务 | 职称) with drop-down lists for 类别 and
// 职务, how to fill it in, and the region's institutions with their codes. For the demo region a
// filled sample: two people from most hospitals, pharmacy and bureau staff, so a new convenor can
// try the draw end to end.

import ExcelJS from 'exceljs';
import { BUREAU_ROLES, HOSPITAL_ROLES } from '../../../shared/domain/members';
import { levelBand } from '../../../shared/domain/types';
import type { InstitutionLevel } from '../../../shared/domain/types';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit';
import { allRows, getValue, inTransaction, type WritableDb } from '../db/connection';
import { fitColumns } from '../export/xlsx-format';

export const POOL_HEADER = ['类别', '机构编码', '机构名称', '姓名', '职务', '职称'] as const;
const KINDS = ['医院', '药店', '医保部门'];
const TITLES = ['主任医师', '副主任医师', '高级会计师', '会计师', '副研究员', ''];
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段';
const GIVEN = [
  '建国',
  '海燕',
  '志强',
  '丽华',
  '晓东',
  '秀英',
  '国平',
  '文静',
  '明辉',
  '春梅',
  '卫东',
  '玉兰',
  '宏伟',
  '慧敏',
  '立新',
  '雪梅',
  '永刚',
  '淑珍',
  '振华',
  '红霞',
];

type Row = [string, string, string, string, string, string];

/** The demo's sample: deterministic, so the draw on it is the same on every machine. */
function sampleRows(db: WritableDb): Row[] {
  const insts = allRows<{ code: string; name: string; level: InstitutionLevel }>(db, 'SELECT code, name, level FROM institutions ORDER BY code');
  const rows: Row[] = [];
  let n = 0;
  const person = () => {
    const i = n++;
    return `${SURNAMES[(i * 7) % SURNAMES.length]}${GIVEN[(i * 3) % GIVEN.length]}`;
  };
  insts.forEach((inst, i) => {
    // every 三级 and 二级 hospital, and two of three primary institutions
    if (levelBand(inst.level) === '一级及基层' && i % 3 === 2) return;
    const two = levelBand(inst.level) !== '一级及基层' || i % 2 === 0;
    rows.push(['医院', inst.code, inst.name, person(), HOSPITAL_ROLES[i % 2 === 0 ? 0 : 2], TITLES[i % TITLES.length]!]);
    if (two) rows.push(['医院', inst.code, inst.name, person(), HOSPITAL_ROLES[i % 2 === 0 ? 2 : 1], TITLES[(i + 3) % TITLES.length]!]);
  });
  ['示范市百姓大药房', '示范市仁和堂药店', '示范市康宁药房连锁', '青石县益民药店'].forEach((name, i) =>
    rows.push(['药店', `P99010000${i + 1}`, name, person(), '其他业务处室负责人', '执业药师']),
  );
  BUREAU_ROLES.forEach((role) => rows.push(['医保部门', '', '示范市医疗保障局', person(), role, '']));
  return rows;
}

export async function writePoolTemplate(db: WritableDb, path: string, opts: { sample: boolean }, actor: string): Promise<{ path: string; rows: number }> {
  const isDemo = getValue<number>(db, 'SELECT is_demo FROM workspace LIMIT 1') === 1;
  if (opts.sample && !isDemo) throw new AppError('INVALID_INPUT', '示范推荐表只用于示范工作区。', '真实统筹地区请下载空白推荐表模板，发给各定点机构填写。');
  const rows = opts.sample ? sampleRows(db) : [];
  const wb = new ExcelJS.Workbook();
  wb.creator = '亮家底';
  // the first sheet is the one the import reads: its first row is the header
  const ws = wb.addWorksheet('推荐表', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...POOL_HEADER]).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  const last = Math.max(rows.length + 1, 200);
  for (let r = 2; r <= last; r++) {
    ws.getCell(r, 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${KINDS.join(',')}"`] };
    ws.getCell(r, 5).dataValidation = {
      type: 'list',
      allowBlank: true,
      showErrorMessage: false,
      formulae: [`"${[...HOSPITAL_ROLES, ...BUREAU_ROLES].join(',')}"`],
    };
    ws.getCell(r, 2).numFmt = '@';
  }
  fitColumns(ws, 1);
  ws.getColumn(3).width = Math.max(ws.getColumn(3).width ?? 0, 30);
  const help = wb.addWorksheet('填写说明');
  [
    '医保数据工作组成员推荐表 · 填写说明',
    '1. 每家定点医疗机构至多推荐 2 人：院领导、财务、医保办或其他业务处室负责人；第三方运维单位人员不作为成员。',
    '2. “类别”填 医院、药店 或 医保部门；医院和药店须填写本机构的定点机构编码（见“机构名单”）。',
    '3. “推荐表”第一行为表头，请勿修改或删除；从第二行起每行一人。',
    '4. 填好后交医保部门，由召集人在“成员与抽选 → 成员库 → 从文件导入”导入；有错误时整表不导入，并逐行说明原因。',
    '内部资料 注意保密',
  ].forEach((t, i) => (help.addRow([t]).font = i === 0 ? { bold: true, size: 14 } : i === 5 ? { color: { argb: 'FFC8372D' } } : {}));
  help.getColumn(1).width = 110;
  const list = wb.addWorksheet('机构名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  list.addRow(['机构编码', '机构名称', '级别', '机构类型']).font = { bold: true };
  for (const i of allRows<{ code: string; name: string; level: string; type: string }>(db, 'SELECT code, name, level, type FROM institutions ORDER BY code'))
    list.addRow([i.code, i.name, i.level, i.type]);
  fitColumns(list, 1);
  await wb.xlsx.writeFile(path);
  inTransaction(db, () => recordAudit(db, { actor, action: 'pool.template', target: path, details: { sample: opts.sample, rows: rows.length } }));
  return { path, rows: rows.length };
}
