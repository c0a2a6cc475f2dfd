// What an audit entry was about, in the words a convenor reads on the settings page: 「意见 5 号」 for
// the log's comment#5. The log itself keeps its codes (they are part of the hash chain); this only
// names them for the screen.

const NUMBERED: Record<string, string> = {
  comment: '意见',
  meeting: '会议',
  draw: '抽选',
  view: '图表视图',
  member: '成员任期',
  attendee: '参会人',
  ranking: '评价结果',
};

const NAMED: Record<string, string> = {
  settings: '设置',
  rules: '抽选规则',
  deck: '演示顺序',
  scheme: '评价方案',
  on: '开启',
  off: '关闭',
};

export function auditTargetName(target: string): string {
  const m = /^([a-z]+)#(\d+)$/.exec(target);
  if (m && NUMBERED[m[1]!]) return `${NUMBERED[m[1]!]} ${m[2]} 号`;
  return NAMED[target] ?? target;
}
