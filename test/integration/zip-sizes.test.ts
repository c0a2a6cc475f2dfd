// Entries are inflated by our own inflater (zip.ts inflateExactly), which must refuse what yauzl's
// validateEntrySizes refused: an entry that inflates to more or fewer bytes than its directory
// record declares, and a deflate stream cut short. Zips written by Python's zipfile, then patched.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../electron/services/import/limits';
import { ZipArchive } from '../../electron/services/import/zip';
import { tempDir } from '../helpers/temp';

const PYTHON = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const BODY = 'a,b,c\r\n' + Array.from({ length: 5000 }, (_, i) => `${i},${i * 7},行${i}`).join('\r\n');

function pythonZip(path: string): void {
  const r = spawnSync(
    PYTHON,
    ['-c', `import zipfile,sys\nwith zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED) as z: z.writestr('data.csv', sys.stdin.read())`, path],
    {
      input: BODY,
    },
  );
  if (r.status !== 0) throw new Error(String(r.stderr));
}

/** Rewrites the declared uncompressed size in the local header and the central directory. */
function declareSize(buf: Buffer, size: number): Buffer {
  const out = Buffer.from(buf);
  for (let i = 0; i < out.length - 4; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50) out.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50) out.writeUInt32LE(size, i + 24);
  }
  return out;
}

async function readAll(path: string): Promise<Buffer> {
  const zip = await ZipArchive.open(path, 'x.zip', DEFAULT_LIMITS);
  try {
    return await zip.readEntry('data.csv', 10 * 1024 * 1024);
  } finally {
    zip.close();
  }
}

function setup() {
  const dir = tempDir();
  const good = join(dir, 'good.zip');
  pythonZip(good);
  return { dir, good, bytes: readFileSync(good) };
}

describe('inflating an entry', () => {
  const declared = Buffer.byteLength(BODY);

  it('gives back exactly what was written', async () => {
    expect((await readAll(setup().good)).toString('utf8')).toBe(BODY);
  });

  for (const [name, size] of [
    ['declares more than it holds', declared + 1000],
    ['declares less than it holds', declared - 1000],
  ] as const)
    it(`refuses an entry that ${name}`, async () => {
      const { dir, bytes } = setup();
      const p = join(dir, `${size}.zip`);
      writeFileSync(p, declareSize(bytes, size));
      await expect(readAll(p)).rejects.toThrow(/数据与目录记录不符/);
    });

  it('refuses a deflate stream cut short', async () => {
    // the compressed data overwritten in its middle: the inflater fails or the size does not match
    const { dir, bytes } = setup();
    const p = join(dir, 'cut.zip');
    const broken = Buffer.from(bytes);
    broken.fill(0xff, 60, 400);
    writeFileSync(p, broken);
    await expect(readAll(p)).rejects.toThrow(/压缩包内文件“data\.csv”/);
  });
});
