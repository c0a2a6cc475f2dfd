// Where the CJK font for PDF reports is: LIANGJIADI_FONTS (set by the main process to the
// packaged resources/fonts), else the development copy in node_modules. Noto Sans SC (OFL-1.1),
// TrueType outlines, embedded as a subset into every PDF — so no reader ever shows tofu. The files
// are read and parsed once a process (reportFaces), not once a report.

import { create, type Font } from 'fontkit';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';

export interface ReportFonts {
  regular: string;
  bold: string;
}

function candidates(): ReportFonts[] {
  const out: ReportFonts[] = [];
  const env = process.env.LIANGJIADI_FONTS;
  if (env) out.push({ regular: join(env, 'NotoSansSC-Regular.ttf'), bold: join(env, 'NotoSansSC-Bold.ttf') });
  try {
    const pkg = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
    out.push({ regular: join(pkg, '400Regular', 'NotoSansSC_400Regular.ttf'), bold: join(pkg, '700Bold', 'NotoSansSC_700Bold.ttf') });
  } catch {
    // not installed (a packaged app): the resources copy above is the one
  }
  return out;
}

let found: ReportFonts | null = null;

export function reportFonts(): ReportFonts {
  if (found) return found;
  const f = candidates().find((c) => existsSync(c.regular) && existsSync(c.bold));
  if (!f) throw new AppError('INTERNAL', '找不到报告所用的中文字体文件。', '请重新安装亮家底；字体文件应位于安装目录的 resources/fonts 中。');
  return (found = f);
}

export interface ReportFaces {
  regular: Font;
  bold: Font;
}

let faces: ReportFaces | null = null;

/**
 * The two faces parsed once for the process. Each PDF still embeds its own subset of them; what is
 * shared is the parsing, and the glyphs and layout tables read for one report serve the next (read
 * and parsed per report, the two 10 MB files cost about 20 ms of each 月告知: docs/performance.md).
 */
export function reportFaces(): ReportFaces {
  if (faces) return faces;
  const f = reportFonts();
  const face = (path: string): Font => {
    const font = create(readFileSync(path));
    if (!('layout' in font)) throw new AppError('INTERNAL', `报告所用的中文字体文件不是单一字体：${path}`, '请重新安装亮家底。');
    return font;
  };
  return (faces = { regular: face(f.regular), bold: face(f.bold) });
}
