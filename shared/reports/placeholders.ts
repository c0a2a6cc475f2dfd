// The convenor's text blocks still empty, which print as a red 【待填写】: the preview lists them, and
// an export with any of them must be told whether to keep them (the red line goes out) or drop them
// (the section is left out) — nothing red goes out unasked (export-report.ts enforces it).

import type { ReportDoc } from './model';

export const PLACEHOLDER_CHOICES = ['keep', 'drop'] as const;
export type PlaceholderChoice = (typeof PLACEHOLDER_CHOICES)[number];

/** the titles of the text blocks not yet filled in, in the report's order */
export function pendingSections(doc: ReportDoc): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'editable' && !b.text.trim() ? [b.title] : []));
}

/** the report without its empty text blocks */
export function dropPlaceholders(doc: ReportDoc): ReportDoc {
  return { ...doc, blocks: doc.blocks.filter((b) => b.kind !== 'editable' || b.text.trim()) };
}

export const PENDING_HINT = '请先在预览中填写；或选择删去这些部分，或保留红色的“【待填写】”后再导出。';

/** what the refusal says when an export was not told what to do with them */
export function pendingMessage(doc: ReportDoc): { message: string; hint: string } {
  const s = pendingSections(doc);
  return {
    message: `${doc.title}还有 ${s.length} 部分未填写：${s.join('、')}。`,
    hint: PENDING_HINT,
  };
}
