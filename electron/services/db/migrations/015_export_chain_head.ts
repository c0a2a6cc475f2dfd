// Each exported report keeps the audit log's chain head at the moment it was made (how many
// entries, the newest hash), as its pages print it: a file found later, or its paper copy, says
// how long the log was then, so a log cut short or rewritten since cannot pass for the one that
// was (audit/anchor.ts, reports/register.ts trace).
export const version = 15;
export const name = 'audit chain head in the export register';
export const sql = `
ALTER TABLE exports ADD COLUMN chain_count INTEGER;
ALTER TABLE exports ADD COLUMN chain_hash TEXT;
`;
