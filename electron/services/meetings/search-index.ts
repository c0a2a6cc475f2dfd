// The full-text index (FTS5, trigram) over meetings' minutes and comments, kept in step with every
// save by the services that own the text.

import { run, type WritableDb } from '../db/connection';

export function indexText(db: WritableDb, kind: 'meeting' | 'comment', ref: number, text: string): void {
  run(db, 'DELETE FROM search_index WHERE kind = ? AND ref = ?', kind, ref);
  if (text.trim()) run(db, 'INSERT INTO search_index (kind, ref, text) VALUES (?, ?, ?)', kind, ref, text);
}
