// What the table and text checks need on screen: a meeting with long comments (two assigned to a
// department), a list exported (the register), a pool with an ineligible member and sitting members,
// and a package whose December no longer matches its year (import warnings with their 处理建议).
// Written through the services, as the screens' own actions would.
import { join } from 'node:path';
import { saveComment, transitionComment } from '../../electron/services/comments/comments-service';
import { createMeeting } from '../../electron/services/meetings/meetings';
import { exportList } from '../../electron/services/meetings/lists';
import { addPoolMember, setEligibility } from '../../electron/services/pool/pool-service';
import { appointBureauMember } from '../../electron/services/members/members-service';
import { col, editXlsx, findRow } from '../helpers/packages';
import { DEMO_XLSX, type Harness } from './harness';

export const LONG =
  '本院本月住院次均费用较上月明显上升，主要原因是收治的重症病例增多、高值耗材使用增加，以及部分病组的平均住院日延长，已安排医务科与医保办共同核查相关病历并在下月沟通会上说明。';

export async function fillRooms(h: Harness): Promise<{ meetingId: number; warnings: string }> {
  const db = h.session.db;
  // a meeting with comments as a convenor records them: long contents, assigned, answered
  const m = createMeeting(
    db,
    { type: '数据沟通会', title: '2025年第四季度数据沟通会', date: '2026-01-15', place: '第一会议室', period: '2025-Q4', convenor: '医保中心' },
    'e2e测试',
  );
  for (let i = 0; i < 4; i++) {
    const c = saveComment(
      db,
      null,
      { meetingId: m.id, institution: 'H99010000001', person: `第${i + 1}位代表`, kind: i % 2 ? '异议申诉' : '意见建议', category: '数据分析', text: LONG },
      'e2e测试',
    );
    if (i < 2) transitionComment(db, c.id, '研究中', { note: '转医药服务处研究', department: '医药服务处', dueDate: '2026-02-15' }, 'e2e测试');
  }
  // the register: a list exported
  await exportList(
    db,
    '问题建议清单',
    { meetingId: m.id },
    join(h.dir, '2025年第四季度数据沟通会问题建议清单（示范市医疗保障局医保中心报送稿）.xlsx'),
    'e2e测试',
  );
  // the pool and the sitting members
  const codes = db.conn.prepare('SELECT code, name FROM institutions ORDER BY code LIMIT 6').all() as { code: string; name: string }[];
  const pool = codes.map((c, i) =>
    addPoolMember(db, { kind: 'hospital', institution: c.code, name: `代表${i + 1}`, role: '医保办主任', title: '主任医师' }, 'e2e测试'),
  );
  setEligibility(db, pool[0]!.id, false, '近两年内因违规使用医保基金被通报，按规则第五条不得入选', 'e2e测试');
  const bureau = addPoolMember(
    db,
    { kind: 'bureau', institution: null, institutionName: '示范市医疗保障局', name: '局代表', role: '医药服务处处长' },
    'e2e测试',
  );
  appointBureauMember(db, bureau.id, '2026-01-01', 'e2e测试');
  for (const p of pool.slice(1, 4))
    db.conn
      .prepare("INSERT INTO members (pool_member_id, draw_id, start_date, end_date, status) VALUES (?, NULL, '2025-01-01', '2026-12-31', 'active')")
      .run(p.id);
  // a package whose December differs from its year: warnings with their 处理建议
  const warnings = await editXlsx(DEMO_XLSX, join(h.dir, '更正.xlsx'), (wb) => {
    const ws = wb.getWorksheet('机构指标')!;
    const cell = ws.getRow(findRow(ws, { 机构编码: 'H99010000001', 期间: '2025-12' })).getCell(col(ws, '住院总费用（万元）'));
    cell.value = Number(cell.value) + 1000;
  });
  return { meetingId: m.id, warnings };
}
