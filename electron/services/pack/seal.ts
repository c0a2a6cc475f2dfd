// Sealing a pack: the payload as gzip-compressed JSON, encrypted with AES-256-GCM under a key
// derived from the hospital's password by PBKDF2-SHA256 (random salt and IV for every pack), all in
// Node's WebCrypto, the same algorithms the page uses to open it. And the password itself: random,
// per pack, in groups of letters and digits that cannot be mistaken for one another when read aloud
// or copied from a printed sheet.

import { gunzipSync, gzipSync } from 'node:zlib';
import { randomBytes, webcrypto } from 'node:crypto';
import { PACK_KDF_ITERATIONS, type PackPayload, type SealedPack } from '../../../shared/pack/payload';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'; // no 0/O, 1/I/L
const subtle = webcrypto.subtle;

/** 4 groups of 4 (about 79 bits): e.g. K7QM-3TZX-9HCA-RW4E */
export function newPassword(): string {
  const out: string[] = [];
  // rejection sampling: every character equally likely
  while (out.length < 16) for (const b of randomBytes(32)) if (b < 248 && out.length < 16) out.push(ALPHABET[b % ALPHABET.length]!);
  return [0, 4, 8, 12].map((i) => out.slice(i, i + 4).join('')).join('-');
}

async function keyOf(password: string, salt: Uint8Array, iterations: number): Promise<webcrypto.CryptoKey> {
  const base = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function seal(payload: PackPayload, password: string, iterations = PACK_KDF_ITERATIONS): Promise<SealedPack> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const plain = gzipSync(Buffer.from(JSON.stringify(payload), 'utf8'), { level: 9 });
  const data = Buffer.from(await subtle.encrypt({ name: 'AES-GCM', iv }, await keyOf(password, salt, iterations), plain));
  return { kdf: 'PBKDF2-SHA256', iterations, salt: salt.toString('base64'), iv: iv.toString('base64'), data: data.toString('base64') };
}

/** Opens a sealed pack with its password (the tests and `trace` checks do; the page does the same in the browser). */
export async function unseal(sealed: SealedPack, password: string): Promise<PackPayload> {
  const key = await keyOf(password, Buffer.from(sealed.salt, 'base64'), sealed.iterations);
  const plain = await subtle.decrypt({ name: 'AES-GCM', iv: Buffer.from(sealed.iv, 'base64') }, key, Buffer.from(sealed.data, 'base64'));
  return JSON.parse(gunzipSync(Buffer.from(plain)).toString('utf8')) as PackPayload;
}
