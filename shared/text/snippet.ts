// The passage of a minute or a comment shown under a search hit: the words around the first match,
// started and ended at a sentence's edge where one is near, so a hit reads as a phrase and not as a
// window cut at an arbitrary character (the index's own snippet() counts trigrams, not words).

export interface Snippet {
  /** text before the match; begins with … when the passage does not start the text */
  before: string;
  /** the match as written in the text (case kept) */
  hit: string;
  /** text after the match; ends with … when the passage does not end the text */
  after: string;
}

/** characters a sentence or clause ends with: a passage starts after one and ends on one */
const BREAKS = new Set(['。', '；', '！', '？', '\n', '，', '、', '：', ';', '!', '?']);

/** the passage around the first case-insensitive occurrence of `term`; null when it does not occur */
export function snippetAround(text: string, term: string, room = { before: 24, after: 40 }): Snippet | null {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  const t = [...term.trim().toLowerCase()];
  if (!t.length) return null;
  const lower = chars.map((c) => c.toLowerCase());
  let at = -1;
  for (let i = 0; i + t.length <= lower.length && at < 0; i++) if (t.every((c, k) => lower[i + k] === c)) at = i;
  if (at < 0) return null;
  const end = at + t.length;
  // start: just after the last break within `room.before` characters, else the window's edge
  let from = Math.max(0, at - room.before);
  for (let i = at - 1; i >= from; i--)
    if (BREAKS.has(chars[i]!)) {
      from = i + 1;
      break;
    }
  // end: on the first break within `room.after` characters, else the window's edge
  let to = Math.min(chars.length, end + room.after);
  for (let i = end; i < to; i++)
    if (BREAKS.has(chars[i]!) && chars[i] !== '，' && chars[i] !== '、') {
      to = i + 1;
      break;
    }
  const before = chars.slice(from, at).join('').trimStart();
  const after = chars.slice(end, to).join('').trimEnd();
  return { before: (from > 0 ? '…' : '') + before, hit: chars.slice(at, end).join(''), after: after + (to < chars.length ? '…' : '') };
}
