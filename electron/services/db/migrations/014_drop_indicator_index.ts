// The per-indicator index of current values (migrations 004, 010) served two queries only: one
// institution's monthly series (the trend) and a band's monthly medians computed from the values.
// Both now name their months and seek them in the (period, indicator, institution) index, which
// every other read uses. Yet every import paid for it: rebuilt over the whole table by a large load
// (0.9 s of the 3,000-institution import), kept row by row in a random order by a monthly one, the
// cost growing with the table. Measured in docs/performance.md (2026-11-30, fourth run).
export const version = 14;
export const name = 'drop the per-indicator index of current values';
export const sql = `
DROP INDEX IF EXISTS institution_values_by_indicator;
`;
