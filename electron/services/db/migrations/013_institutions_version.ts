// A version stamp of the institutions table, changed by triggers on every insert, update and
// delete: the analysis keeps the institutions (code, name, level band) per connection while the
// stamp is unchanged, instead of reading all of them on every chart (on the largest region that
// read was most of a quadrant's or distribution's time; docs/performance.md, 2026-11-30, second run).
// The stamp is random, not a counter, so a rolled-back change can never leave a stamp that a
// later change reuses.
export const version = 13;
export const name = 'version stamp of the institutions';
export const sql = `
CREATE TABLE data_stamps (
  name TEXT PRIMARY KEY,
  stamp INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO data_stamps (name, stamp) VALUES ('institutions', random());
CREATE TRIGGER institutions_stamp_insert AFTER INSERT ON institutions BEGIN
  UPDATE data_stamps SET stamp = random() WHERE name = 'institutions';
END;
CREATE TRIGGER institutions_stamp_update AFTER UPDATE ON institutions BEGIN
  UPDATE data_stamps SET stamp = random() WHERE name = 'institutions';
END;
CREATE TRIGGER institutions_stamp_delete AFTER DELETE ON institutions BEGIN
  UPDATE data_stamps SET stamp = random() WHERE name = 'institutions';
END;
`;
