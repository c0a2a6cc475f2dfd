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

/** On a slide the chart fills the screen below the title (1280×720 up to 1920×1080 projectors). */
export const bigHeight = (less = 0) => `max(400px, calc(100vh - ${210 + less}px))`;

/** A cell formatter; scale: the column's one amount unit (columnScale), so 万元 and 亿元 never mix in a column. */
export const fmt = (unit: string, scale?: AmountScale) => (v: unknown) => (typeof v === 'number' ? formatValue(v, unit, { scale }) : '—');

/** bars of a horizontal bar chart in view at once; more scroll with a slider */
export const BARS_IN_VIEW = 40;

/** The slider of a horizontal bar chart of n bars: the last BARS_IN_VIEW (drawn at the top) in view, none when all fit. */
export const barWindow = (n: number) =>
  n > BARS_IN_VIEW ? [{ type: 'slider', yAxisIndex: 0, right: 8, width: 14, startValue: n - BARS_IN_VIEW, endValue: n - 1 }] : [];
