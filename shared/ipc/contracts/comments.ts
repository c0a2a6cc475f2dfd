// Hospitals' comments and objections: quick capture in the presentation, typed capture in the
// meeting room, and the answer workflow.

import { z } from 'zod';
import type { CommentView } from '../../domain/meetings';
import { id, isoDate, reads, returns, writes, type DomainContract } from './common';

const kind = z.enum(['意见建议', '异议申诉']);

export const commentsContract = {
  'comments.quick': writes(
    z
      .object({
        text: z.string().min(1, '请输入意见内容').max(2000),
        kind,
        institution: z.string().max(32).nullable(),
        person: z.string().max(40),
        indicator: z.string().max(64).nullable(),
        period: z.string().max(10).nullable(),
        viewId: id.nullable(),
        slide: z.number().int().min(0).nullable(),
        /** the meeting being held when the comment was recorded */
        meetingId: id.nullable().optional(),
        /** 数据分析 (DEFAULT_COMMENT_CATEGORY) when not chosen, as in the meeting room's form */
        category: z.string().max(40).optional(),
      })
      .strict(),
    returns<{ id: number }>(),
  ),
  'comments.list': reads(z.object({ meetingId: id.optional(), institution: z.string().max(32).optional() }).strict(), returns<CommentView[]>()),
  'comments.save': writes(
    z
      .object({
        id: id.nullable(),
        comment: z
          .object({
            meetingId: id.nullable(),
            institution: z.string().max(32).nullable(),
            person: z.string().max(40),
            kind,
            category: z.string().max(40),
            text: z.string().max(5000),
          })
          .strict(),
      })
      .strict(),
    returns<CommentView>(),
  ),
  'comments.transition': writes(
    z
      .object({
        id,
        to: z.enum(['已记录', '当场答复', '研究中', '已答复', '整改中', '复查', '已关闭']),
        note: z.string().max(5000),
        department: z.string().max(40).optional(),
        dueDate: isoDate.nullable().optional(),
        irregular: z.boolean().optional(),
      })
      .strict(),
    returns<CommentView>(),
  ),
} satisfies DomainContract<'comments'>;
