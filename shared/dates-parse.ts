// Reading a date as people type it: 2026-01-20, 2026-1-20, 2026/1/20, 2026.1.20, 2026年1月20日,
// 20260120 — into YYYY-MM-DD, or null when it is not a real calendar date.

const pad = (n: number) => String(n).padStart(2, '0');

export function parseDateInput(input: string): string | null {
  const s = input.trim().replace(/\s+/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** 2026-01-20 → 2026年1月20日 */
export function formatDateZh(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
