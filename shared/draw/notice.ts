// What the printed 抽选公告 (a formal notice to post) states beyond the announcement file: the hash
// written out in groups a person can read aloud and compare, and the date by which the notice must
// be posted. Pure: used by the notice component and its tests.

import { localDate } from '../dates';
import { formatDateZh } from '../dates-parse';

/** The 64 hex digits of a hash in 16 groups of 4, for reading aloud and comparing by eye. */
export function hashGroups(hash: string): string[] {
  return hash.match(/.{1,4}/g) ?? [];
}

/**
 * The notice is posted on the day the pool is frozen (a Beijing date): it must be public before the
 * seed exists, and the seed rule names a future draw of a public source. 2026年1月5日.
 */
export function postBy(frozenAt: string): string {
  return formatDateZh(localDate(new Date(frozenAt)));
}
