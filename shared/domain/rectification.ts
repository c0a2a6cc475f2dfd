// 整改事项 as every process sees them: the states of the 评议—反馈—整改—复查 loop (seed 002), which
// step may follow which, and one item as the list, the 警示清单 and the 整改通知 show it.

export const RECTIFICATION_STATES = ['待反馈', '已反馈', '整改中', '待复查', '已关闭'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

export const RECTIFICATION_SOURCES = ['flag', 'grade', 'finding', 'comment'] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];

/** How a source is named on screen and in documents. */
export const SOURCE_LABEL: Record<RectificationSource, string> = {
  flag: '变化预警（红色）',
  grade: '绩效评价（红色等级）',
  finding: '召集人发现的问题',
  comment: '会议中认定不规范',
};

/** 反馈 is due this many days after the item is made (seed 002: 医疗机构应在 30 日内反馈). */
export const FEEDBACK_DAYS = 30;

/**
 * The loop in order: 待反馈 → 已反馈 → 整改中 → 待复查 → 已关闭; a 复查 not passed sends the item back
 * to 整改中. A closed item stays closed.
 */
export const NEXT_STATE: Record<RectificationState, RectificationState[]> = {
  待反馈: ['已反馈'],
  已反馈: ['整改中'],
  整改中: ['待复查'],
  待复查: ['已关闭', '整改中'],
  已关闭: [],
};

/** What each step is called where it is recorded. */
export const STEP_LABEL: Record<RectificationState, string> = {
  待反馈: '登记',
  已反馈: '记录反馈',
  整改中: '记录整改',
  待复查: '整改完成，申请复查',
  已关闭: '复查通过，关闭',
};

export interface RectificationView {
  id: number;
  institution: string;
  institutionName: string;
  source: RectificationSource;
  period: string;
  /** the reason with its figures, frozen when the item was made */
  reason: string;
  state: RectificationState;
  createdDate: string;
  feedbackDue: string;
  feedbackDate: string | null;
  feedbackText: string;
  rectifyDate: string | null;
  rectifyText: string;
  rectifiedDate: string | null;
  reviewDate: string | null;
  reviewResult: string;
  reviewPassed: boolean | null;
  closedDate: string | null;
  /** 待反馈 past its due date (Beijing today): how many days over; 0 when not overdue */
  overdueDays: number;
  history: { at: string; actor: string; from: string | null; to: string; date: string; note: string }[];
}

/** What one-step creation did: items made, and those skipped because they already existed. */
export interface CreatedItems {
  created: number;
  skipped: number;
  /** the red flags or grades found for the period */
  found: number;
}
