// 整改事项 (the 评议—反馈—整改—复查 loop): the list, red flags and red grades of a period made items in
// one step, a convenor's finding added, each step recorded with its date, and a hospital's 整改通知.

import { z } from 'zod';
import { RECTIFICATION_STATES, type CreatedItems, type RectificationView } from '../../domain/rectification';
import type { ExportRecord } from '../../reports/model';
import { filePath, id, instCode, isoDate, periodKey, reads, returns, twoPerson, writes, type DomainContract } from './common';

const state = z.enum(RECTIFICATION_STATES);

export const rectificationContract = {
  'rectification.list': reads(z.object({ institution: instCode.optional(), state: state.optional() }).strict(), returns<RectificationView[]>()),
  /** every red flag of the period as an item (those made before are skipped) */
  'rectification.fromFlags': writes(z.object({ period: periodKey }).strict(), returns<CreatedItems>()),
  /** every red grade of the period's 绩效评价 as an item (the published ranking's, else scored now) */
  'rectification.fromGrades': writes(z.object({ period: periodKey }).strict(), returns<CreatedItems>()),
  /** the comments marked irregular in meetings as items */
  'rectification.fromComments': writes(z.object({}).strict(), returns<CreatedItems>()),
  'rectification.addFinding': writes(
    z.object({ institution: instCode, text: z.string().min(1, '请填写发现的问题').max(2000), period: z.union([periodKey, z.literal('')]).optional() }).strict(),
    returns<RectificationView>(),
  ),
  /** the next step of an item: 已反馈, 整改中, 待复查, 已关闭 (复查通过) or back to 整改中 (复查未通过) */
  'rectification.step': writes(z.object({ id, to: state, date: isoDate, text: z.string().max(5000) }).strict(), returns<RectificationView>()),
  /** a hospital's 整改通知 as PDF or Word: goes out to the hospital with its figures, like 月告知 (two-person control) */
  'rectification.exportNotice': twoPerson(
    writes(z.object({ institution: instCode, format: z.enum(['pdf', 'docx']), path: filePath }).strict(), returns<ExportRecord & { items: number }>()),
    '导出整改通知',
  ),
} satisfies DomainContract<'rectification'>;
