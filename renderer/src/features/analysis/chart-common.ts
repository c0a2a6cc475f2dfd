import type { Message } from '../../data/use-action';
import type { FlagLevel } from '../../../../shared/domain/analysis';
import type { Indicator, Institution } from '../../../../shared/domain/types';
import { formatValue, type AmountScale } from '../../../../shared/format';

export const LEVEL_COLORS: Record<FlagLevel, string> = { red: '#c8372d', yellow: '#d69e2e', green: '#1b8a4b' };

export const LEVEL_TEXT: Record<FlagLevel, string> = { red: '红', yellow: '黄', green: '绿' };

export interface Ctx {
  indicators: Indicator[];
  institutions: Institution[];
  months: string[];
}

export type Msg = Message;

/**
 * On a slide the chart fills the screen below the slide's title and foot, both in its type size t
 * (use-slide-type.ts); lines: lines of text the slide shows besides the chart (a statistics line).
 */
export const bigHeight = (t: number, lines = 0) => `max(300px, calc(100vh - ${Math.round(60 + 6 * t + lines * 1.6 * t)}px))`;

/** Text sizes of a chart: on a slide from its type size t (never under t), on the page the desktop's. */
export const chartType = (big: boolean, t: number) =>
  big ? { title: Math.round(1.2 * t), text: t, gap: Math.round(0.6 * t) } : { title: 15, text: 12, gap: 8 };

/** A label's width in px at size t, roughly (CJK one em, digits and signs six tenths): room kept for it beside a bar. */
export const textWidth = (s: string, t: number) => [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x100 ? 0.62 : 1), 0) * t;

/** A cell formatter; scale: the column's one amount unit (columnScale), so 万元 and 亿元 never mix in a column. */
export const fmt = (unit: string, scale?: AmountScale) => (v: unknown) => (typeof v === 'number' ? formatValue(v, unit, { scale }) : '—');

/** bars of a horizontal bar chart in view at once; more scroll with a slider */
export const BARS_IN_VIEW = 40;

/** The slider of a horizontal bar chart of n bars: the last BARS_IN_VIEW (drawn at the top) in view, none when all fit. */
export const barWindow = (n: number) =>
  n > BARS_IN_VIEW ? [{ type: 'slider', yAxisIndex: 0, right: 8, width: 14, startValue: n - BARS_IN_VIEW, endValue: n - 1 }] : [];
