// Regional settings kept with the workspace: the region's own list of responsible departments,
// and the dates annual settlement (清算) finished, which start the 年通报 deadline.
export const version = 6;
export const name = 'regional settings';
export const sql = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`;
