// LibreOffice for the tests: a fontconfig that sees the report font (so CJK text is drawn, not boxes)
// and a conversion into a folder. Tests using it are skipped when soffice is not installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);

/** A HOME of LibreOffice's own whose fontconfig sees the report font. */
export function officeEnv(home: string): NodeJS.ProcessEnv {
  mkdirSync(home, { recursive: true });
  const fonts = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  const conf = join(home, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fonts}</dir><cachedir>${home}/fc</cachedir></fontconfig>`,
  );
  return { ...process.env, HOME: home, FONTCONFIG_FILE: conf };
}

/** LibreOffice converting a file (to pdf, docx, xlsx, or 'docx:"MS Word 2007 XML"') into dir; returns the new file's path. */
export function soffice(path: string, to: string, dir: string, env: NodeJS.ProcessEnv): string {
  mkdirSync(dir, { recursive: true });
  const r = spawnSync(SOFFICE!, ['--headless', '--norestore', '--convert-to', to, '--outdir', dir, path], { env, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`soffice: ${r.stderr}`);
  const out = join(dir, path.replace(/^.*\//, '').replace(/\.[^.]+$/, `.${to.split(':')[0]}`));
  if (!existsSync(out)) throw new Error(`soffice wrote nothing: ${r.stdout} ${r.stderr}`);
  return out;
}
