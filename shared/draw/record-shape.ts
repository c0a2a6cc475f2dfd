// The published shapes of the draw's files, as docs/draw-announcement.schema.json and
// docs/draw-record.schema.json state them: every field required, no other field allowed. The
// verifier refuses a file of another shape before re-deriving anything (an unknown field would be
// covered by the hash and printed by some reader while no check looks at it); the freeze refuses an
// announcement that would break its schema. Pure (zod only).

import { z } from 'zod';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const personId = z.string().regex(/^M\d{5,}$/);
const band = z.enum(['三级', '二级', '一级及基层', '未定级']);
const kind = z.enum(['hospital', 'pharmacy']);
const seat = z.strictObject({ institution: z.string(), person: personId });
const count = z.number().int().min(0);

const pool = z.strictObject({
  institutions: z.array(
    z.strictObject({
      band,
      code: z.string().min(1),
      kind,
      name: z.string(),
      people: z.array(z.strictObject({ id: personId, name: z.string(), role: z.string() })),
      type: z.string().min(1),
    }),
  ),
});

const rules = z.strictObject({
  coverTypes: z.boolean(),
  maxPerInstitution: z.literal(1),
  minimums: z.strictObject({ 三级: count, 二级: count, 一级及基层: count }),
  pharmacySeats: count,
  seats: z.number().int().min(8),
});

const seedRule = z.strictObject({
  source: z.string().min(1),
  count: z.number().int().min(1).max(40),
  digits: z.number().int().min(1).max(6),
  order: z.string().min(1),
});

/** The announcement as the record carries it and as frozenHash covers it (without frozenHash). */
export const announcementBody = z.strictObject({
  format: z.literal('liangjiadi-draw-announcement'),
  version: z.literal(2),
  algorithm: z.literal('liangjiadi-draw-v2'),
  number: z.number().int().min(1),
  attempt: z.number().int().min(1),
  region: z.strictObject({ code: z.string(), name: z.string() }),
  kind: z.enum(['initial', 'replacement']),
  frozenAt: instant,
  pool,
  rules,
  types: z.array(z.string().min(1)).refine((t) => new Set(t).size === t.length, '机构类型重复'),
  fixed: z.array(seat),
  replaces: z.strictObject({ institution: z.string(), person: personId, reason: z.string().min(1) }).nullable(),
  previousHash: z.string().regex(/^([0-9a-f]{64})?$/),
  seedRule,
  simulations: z.union([z.literal(0), z.literal(1000)]),
  probabilities: z.array(z.strictObject({ institution: z.string(), perTenThousand: z.number().int().min(0).max(10000) })),
});

/** The announcement file as published: the body and its frozenHash. */
export const publishedAnnouncement = announcementBody.extend({ frozenHash: hex64 });

const step = z.strictObject({
  round: z.enum(['types', 'fill', 'pharmacy']),
  institution: z.string(),
  decision: z.enum(['accepted', 'skipped']),
  reason: z.string(),
  person: personId.optional(),
});

const drawn = {
  drawnAt: instant,
  witnesses: z.array(z.string().min(1)).min(2),
  seed: z.strictObject({ input: z.string(), canonical: z.string().regex(/^[0-9A-Z]+(-[0-9A-Z]+)*$/) }),
  ranking: z.array(z.strictObject({ institution: z.string(), score: hex64 })),
  steps: z.array(step),
  result: z.array(
    z.strictObject({
      institution: z.string(),
      institutionName: z.string(),
      band,
      type: z.string(),
      kind,
      person: personId,
      name: z.string(),
      role: z.string(),
    }),
  ),
  recordHash: hex64,
};

export const recordV2 = z.strictObject({
  format: z.literal('liangjiadi-draw-record'),
  version: z.literal(2),
  algorithm: z.literal('liangjiadi-draw-v2'),
  announcement: announcementBody,
  frozenHash: hex64,
  ...drawn,
  seed: z.strictObject({ input: z.string(), canonical: z.string().regex(/^[0-9]+(-[0-9]+)*$/) }),
});

/** v1 records (before announcements): the pool and rules are in the record itself. */
export const recordV1 = z.strictObject({
  format: z.literal('liangjiadi-draw-record'),
  version: z.literal(1),
  algorithm: z.literal('liangjiadi-draw-v1'),
  kind: z.enum(['initial', 'replacement']),
  region: z.strictObject({ code: z.string(), name: z.string() }),
  frozenAt: z.string(),
  rules: rules.extend({ seats: z.number().int().min(0) }),
  rulesHash: hex64,
  pool,
  poolHash: hex64,
  fixed: z.array(seat),
  previousHash: z.string().regex(/^([0-9a-f]{64})?$/),
  replaces: z.strictObject({ institution: z.string(), person: personId, reason: z.string() }).nullable(),
  ...drawn,
});

/** Where a value departs from its shape, in Chinese: the field's path and what is wrong. */
export function shapeProblems(schema: z.ZodType, value: unknown, what: string): string[] {
  const r = schema.safeParse(value);
  if (r.success) return [];
  return r.error.issues.slice(0, 20).map((i) => {
    const path =
      i.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '') || '（顶层）';
    if (i.code === 'unrecognized_keys') return `${what}含有公布格式之外的字段：${path === '（顶层）' ? '' : `${path} 中的 `}${i.keys.join('、')}`;
    return `${what}的字段 ${path} 不符合公布的格式`;
  });
}
