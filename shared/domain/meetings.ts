// Meetings, comments and their workflow, as the UI sees them.

import type { Snippet } from '../text/snippet';

export const MEETING_TYPES = ['月告知', '季公告', '年通报', '数据沟通会', '其他'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
export const COMMENT_KINDS = ['意见建议', '异议申诉'] as const;
export const COMMENT_CATEGORIES = ['数据分析', '医保基金结算', '支付方式改革', '核心要素 基准点数/差异系数', '技术规范 ADRG分组', '其他'] as const;
/** A comment's category until someone chooses one: the same whether typed in the meeting room or taken during a show. */
export const DEFAULT_COMMENT_CATEGORY: (typeof COMMENT_CATEGORIES)[number] = '数据分析';
export const DEPARTMENTS = ['医保中心', '医药服务处', '基金监管处', '规划财务处', '待分配'] as const;

export type CommentStatus = '已记录' | '当场答复' | '研究中' | '已答复' | '整改中' | '复查' | '已关闭';

/** The workflow: which status may follow which. */
export const NEXT_STATUS: Record<CommentStatus, CommentStatus[]> = {
  已记录: ['当场答复', '研究中', '整改中'],
  当场答复: ['已关闭'],
  研究中: ['已答复'],
  已答复: ['已关闭'],
  整改中: ['复查'],
  复查: ['已关闭', '整改中'],
  已关闭: [],
};

export interface MeetingView {
  id: number;
  type: MeetingType;
  title: string;
  date: string;
  place: string;
  period: string;
  convenor: string;
  minutes: string;
  decisions: string;
  /** the saved chart views presented (the deck), in order */
  agenda: number[];
  attendees: { id: number; name: string; organization: string; role: string; present: boolean }[];
  commentCount: number;
  /** 问题建议清单 due one week after quarterly and annual meetings */
  listDue: string;
}

export interface CommentView {
  id: number;
  meetingId: number | null;
  institution: string | null;
  institutionName: string;
  person: string;
  kind: string;
  category: string;
  text: string;
  indicator: string | null;
  period: string | null;
  slide: number | null;
  department: string;
  dueDate: string | null;
  answer: string;
  irregular: boolean;
  status: CommentStatus;
  createdAt: string;
  history: { at: string; actor: string; from: string | null; to: string; note: string }[];
}

export interface SearchHit {
  kind: 'meeting' | 'comment';
  ref: number;
  /** where the hit is, in words: 「11月数据沟通会（2025年12月10日）」 or 「第 3 号意见 · 示范市第一人民医院 · 11月数据沟通会」 */
  title: string;
  /** the meeting to open: the meeting itself, or the comment's (null: a comment outside meetings) */
  meetingId: number | null;
  /** the passage around the match (shared/text/snippet.ts) */
  snippet: Snippet;
}
