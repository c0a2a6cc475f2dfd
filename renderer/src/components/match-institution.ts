import type { Institution } from '../../../shared/domain/types';

/** Institution search by name, code, full pinyin or initials (subsequence): "srmyy" finds 示范市人民医院. */
export function matchInstitution(q: string, i: Institution & { py: string; initials: string }): boolean {
  const s = q.trim().toLowerCase();
  if (!s) return true;
  if (i.name.includes(q.trim()) || i.code.toLowerCase().includes(s) || i.py.includes(s)) return true;
  let k = 0;
  for (const ch of i.initials) if (ch === s[k]) k++;
  return k === s.length;
}
