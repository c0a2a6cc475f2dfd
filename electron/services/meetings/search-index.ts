// The full-text index (FTS5, trigram) over meetings' minutes and comments, kept in step with every
// save by the services that own the text, and the search over it: each hit says where it is (the
// meeting with its date, or the comment's number, hospital and meeting) and shows the passage around
// the match.

import type { SearchHit } from '../../../shared/domain/meetings';
import { formatDateZh } from '../../../shared/dates-parse';
import { snippetAround } from '../../../shared/text/snippet';
import { allRows, getRow, run, type ReadableDb, type WritableDb } from '../db/connection';

export function indexText(db: WritableDb, kind: 'meeting' | 'comment', ref: number, text: string): void {
  run(db, 'DELETE FROM search_index WHERE kind = ? AND ref = ?', kind, ref);
  if (text.trim()) run(db, 'INSERT INTO search_index (kind, ref, text) VALUES (?, ?, ?)', kind, ref, text);
}

type Row = { kind: 'meeting' | 'comment'; ref: number; text: string };

export function search(db: ReadableDb, q: string): SearchHit[] {
  const term = q.trim();
  if (!term) return [];
  // trigram matching needs three characters; shorter terms fall back to a substring scan
  const rows =
    [...term].length >= 3
      ? allRows<Row>(db, 'SELECT kind, ref, text FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 100', `"${term.replace(/"/g, '""')}"`)
      : allRows<Row>(db, "SELECT kind, ref, text FROM search_index WHERE text LIKE ? ESCAPE '\\' LIMIT 100", `%${term.replace(/[%_\\]/g, '\\$&')}%`);
  return rows.map((r) => ({
    kind: r.kind,
    ref: r.ref,
    ...place(db, r),
    snippet: snippetAround(r.text, term) ?? { before: [...r.text].slice(0, 40).join(''), hit: '', after: '' },
  }));
}

const meetingTitle = (m: { title: string; date: string }) => `${m.title}（${formatDateZh(m.date)}）`;

/** the hit's place in words, and the meeting to open */
function place(db: ReadableDb, r: Row): Pick<SearchHit, 'title' | 'meetingId'> {
  if (r.kind === 'meeting') {
    const m = getRow<{ title: string; date: string }>(db, 'SELECT title, date FROM meetings WHERE id = ?', r.ref);
    return { title: m ? meetingTitle(m) : `会议 ${r.ref}`, meetingId: m ? r.ref : null };
  }
  const c = getRow<{ meeting_id: number | null; title: string | null; date: string | null; inst: string | null }>(
    db,
    'SELECT c.meeting_id, m.title, m.date, i.name AS inst FROM comments c LEFT JOIN meetings m ON m.id = c.meeting_id LEFT JOIN institutions i ON i.code = c.institution WHERE c.id = ?',
    r.ref,
  );
  const where = c?.title && c.date ? meetingTitle({ title: c.title, date: c.date }) : '不属于会议';
  return { title: `第 ${r.ref} 号意见 · ${c?.inst ?? '统筹地区'} · ${where}`, meetingId: c?.meeting_id ?? null };
}
