// 整改事项: the 评议—反馈—整改—复查 loop of the rules (seed 002: feedback within 30 days). An item
// is made from a red flag, a red evaluation grade, the convenor's finding or a comment marked
// irregular; its reason and figures are frozen when it is made (a later import or threshold change
// does not rewrite what the hospital was told), and each step keeps its date and text.
export const version = 16;
export const name = 'rectification items';
export const sql = `
CREATE TABLE rectifications (
  id INTEGER PRIMARY KEY,
  institution TEXT NOT NULL REFERENCES institutions(code),
  source TEXT NOT NULL CHECK (source IN ('flag', 'grade', 'finding', 'comment')),
  -- what it was made from (flag: period|indicator, grade: period, comment: its id); one item per source
  source_key TEXT NOT NULL,
  period TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL,
  figures TEXT NOT NULL DEFAULT '{}',
  state TEXT NOT NULL DEFAULT '待反馈' CHECK (state IN ('待反馈', '已反馈', '整改中', '待复查', '已关闭')),
  created_date TEXT NOT NULL,
  feedback_due TEXT NOT NULL,
  feedback_date TEXT,
  feedback_text TEXT NOT NULL DEFAULT '',
  rectify_date TEXT,
  rectify_text TEXT NOT NULL DEFAULT '',
  rectified_date TEXT,
  review_date TEXT,
  review_result TEXT NOT NULL DEFAULT '',
  review_passed INTEGER,
  closed_date TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (institution, source, source_key)
);
CREATE INDEX rectifications_state ON rectifications (state, feedback_due);
CREATE TABLE rectification_events (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES rectifications(id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rectification_events_item ON rectification_events (item_id);
`;
