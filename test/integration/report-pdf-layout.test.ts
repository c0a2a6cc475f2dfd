import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/services/reports/render-pdf';
import { newStamp } from '../../electron/services/reports/stamp';
import type { ReportDoc } from '../../shared/reports/model';
import { tempDir } from '../helpers/temp';

// The PDF's layout read back with poppler (pdftotext -bbox): where each word landed on the page.

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  yMax: number;
}

function firstPageWords(path: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', path, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[4]!,
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    yMax: Number(m[3]),
  }));
}

describe('PDF facts block', () => {
  it('sizes a row to the taller of label and value: a long label does not run into the next row', async () => {
    const label = '参保人员住院率按出院人次与参保人数计算含异地就医';
    const doc: ReportDoc = {
      request: { type: '数据分析简报', period: '2025-H1' },
      title: '排版检查',
      subtitle: '2025年上半年',
      regionName: '示范市',
      blocks: [
        {
          kind: 'facts',
          items: [
            { label, value: '8.20%' },
            { label: '下一项', value: '12,345' },
          ],
        },
      ],
    };
    const path = join(tempDir(), 'facts.pdf');
    writeFileSync(path, await renderPdf(doc, newStamp('排版测试')));
    const words = firstPageWords(path);
    // the label's lines, in the label column (left margin 50, 100 wide)
    const lines = words.filter((w) => w.xMin < 60 && w.text.length > 1 && label.includes(w.text));
    expect(lines.length).toBeGreaterThan(1); // it wraps
    expect(lines.map((w) => w.text).join('')).toBe(label);
    const next = words.find((w) => w.text === '下一项')!;
    const nextValue = words.find((w) => w.text === '12,345')!;
    const labelBottom = Math.max(...lines.map((w) => w.yMax));
    expect(next.yMin).toBeGreaterThanOrEqual(labelBottom);
    expect(nextValue.yMin).toBeGreaterThanOrEqual(labelBottom);
  });
});
