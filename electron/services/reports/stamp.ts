// The mark every exported file carries: a random export id, the exporter and the time. The id is
// written into the file's metadata (PDF Keywords, DOCX/XLSX core properties) and on every page;
// the export register keeps it with the file's SHA-256 (see register.ts). The audit log's chain head
// at that moment is printed beside it and kept in the register (audit/anchor.ts says why).

import { randomBytes } from 'node:crypto';
import { localDateTime } from '../../../shared/dates';
import { appVersion } from '../../../shared/version';

export interface ExportStamp {
  id: string;
  actor: string;
  /** Beijing time, YYYY-MM-DD HH:mm */
  time: string;
  /** the metadata keyword that names the export: liangjiadi-export:<id> */
  keyword: string;
  creator: string;
  /** the audit log's head when the file was made: how many entries, and the newest one's hash */
  chain: { count: number; hash: string };
  /** the head as the pages print it: 审计链 第 N 条 · <first 16 hex of the hash> */
  chainText: string;
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A stamp made outside a workspace (a layout test): an empty log's head. */
const NO_LOG = { count: 0, hash: '0'.repeat(64) };

export function newStamp(actor: string, chain: { count: number; hash: string } = NO_LOG, at = new Date()): ExportStamp {
  const bytes = randomBytes(8);
  const suffix = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  const id = `LJD-${at.getTime().toString(36).toUpperCase()}-${suffix}`;
  return {
    id,
    actor,
    time: localDateTime(at),
    keyword: `liangjiadi-export:${id}`,
    creator: `亮家底 ${appVersion}`,
    chain,
    chainText: `审计链 第 ${chain.count} 条 · ${chain.hash.slice(0, 16)}`,
  };
}

export const EXPORT_ID = /liangjiadi-export:(LJD-[0-9A-Z]+-[0-9A-Z]{8})/;
