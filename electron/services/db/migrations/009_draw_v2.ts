// Draw v2: every freeze publishes a numbered announcement (its frozenHash is what the draw's key
// binds); a cancelled freeze is a chain entry of its own (cancellation document and hash in
// record/record_hash), with when and why. v1 rows keep version 1 and verify as before.
export const version = 9;
export const name = 'draw v2: announcements and cancellations on the chain';
export const sql = `
ALTER TABLE draws ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE draws ADD COLUMN announcement TEXT;
ALTER TABLE draws ADD COLUMN frozen_hash TEXT;
ALTER TABLE draws ADD COLUMN cancelled_at TEXT;
ALTER TABLE draws ADD COLUMN cancel_reason TEXT;
ALTER TABLE draw_rules ADD COLUMN types TEXT;
`;
