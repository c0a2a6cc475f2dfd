// The per-indicator index of current values carries the value too, so the queries that walk one
// indicator across institutions and months (the trend and its level median, the ranking) read the
// index alone instead of looking up every row: on a 3,000-institution region the trend drops from
// ~90 to ~60 ms (docs/performance.md). Rebuilding it on an existing workspace takes a few seconds.
export const version = 10;
export const name = 'covering per-indicator index of current values';
export const sql = `
DROP INDEX institution_values_by_indicator;
CREATE INDEX institution_values_by_indicator ON institution_values (indicator, institution, period, value) WHERE superseded_by IS NULL;
`;
