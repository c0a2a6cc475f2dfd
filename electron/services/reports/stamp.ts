// The mark every exported file carries: a random export id, the exporter and the time. The id is
// written into the file's metadata (PDF Keywords, DOCX/XLSX core properties) and on every page;
// the export register keeps it with the file's SHA-256 (see register.ts).

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
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newStamp(actor: string, at = new Date()): ExportStamp {
  const bytes = randomBytes(8);
  const suffix = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  const id = `LJD-${at.getTime().toString(36).toUpperCase()}-${suffix}`;
  return { id, actor, time: localDateTime(at), keyword: `liangjiadi-export:${id}`, creator: `亮家底 ${appVersion}` };
}

export const EXPORT_ID = /liangjiadi-export:(LJD-[0-9A-Z]+-[0-9A-Z]{8})/;
