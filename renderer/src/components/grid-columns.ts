// The one policy every table follows, so that at 1366×768 the column a person came to read is whole
// without scrolling sideways: each column says what kind of thing it holds and how much it matters;
// the kind gives it a fixed width (codes, numbers, dates, statuses) or a share of the room with its
// text wrapped (names, the reading columns such as 原因提示, 内容, 处理建议, 提示), and when the grid is
// narrower than its columns need, the least important ones are hidden (the 「显示列」 chooser brings
// them back). Pure: Grid.tsx measures its width and asks `fitColumns` which columns to hide.

import type { ColDef } from 'ag-grid-community';
import { formatDateZh } from '../../../shared/dates-parse';

/**
 * - code: an identifier (机构编码, 病组, 编号) — fixed, narrow
 * - number: a figure, right-aligned — fixed
 * - date: 2026年1月15日 — fixed; datetime: 2026年1月15日 18:32 — fixed
 * - status: a word or two (状态, 等级, 级别, 类别) — fixed, narrow
 * - label: a short phrase (分类, 指标名称, 责任处室) — fixed, wraps if longer
 * - name: an institution's or a person's name — takes a share of the room, wraps
 * - reading: the sentence a person came to read — takes the largest share, wraps, never hidden
 */
export type ColumnKind = 'code' | 'number' | 'date' | 'datetime' | 'status' | 'label' | 'name' | 'reading';

/** 1: always shown; 2: hidden only when 3s are not enough; 3: hidden first */
export type ColumnPriority = 1 | 2 | 3;

export type Column<T> = ColDef<T> & { kind: ColumnKind; priority?: ColumnPriority };

interface KindPolicy {
  width?: number;
  minWidth?: number;
  flex?: number;
  wrap: boolean;
  priority: ColumnPriority;
  numeric?: boolean;
}

const KINDS: Record<ColumnKind, KindPolicy> = {
  code: { width: 110, wrap: false, priority: 3 },
  number: { width: 130, wrap: false, priority: 2, numeric: true },
  date: { width: 136, wrap: false, priority: 2 },
  datetime: { width: 180, wrap: false, priority: 3 },
  status: { width: 96, wrap: false, priority: 1 },
  label: { width: 140, wrap: true, priority: 2 },
  name: { flex: 1, minWidth: 170, wrap: true, priority: 1 },
  reading: { flex: 2, minWidth: 240, wrap: true, priority: 1 },
};

/** the width a column cannot go below: its fixed width, or its minimum when it shares the room */
export function neededWidth(c: Pick<ColDef, 'width' | 'minWidth' | 'flex'>): number {
  if (c.flex) return c.minWidth ?? 100;
  return c.width ?? c.minWidth ?? 200;
}

export const columnId = (c: Pick<ColDef, 'colId' | 'field' | 'headerName'>): string => String(c.colId ?? c.field ?? c.headerName ?? '');

/** the ag-grid definition of a column of this kind (what the screen set itself wins) */
export function shapeColumn<T>(c: Column<T>): ColDef<T> & { priority: ColumnPriority } {
  const { kind, priority, ...def } = c;
  const k = KINDS[kind];
  const shaped: ColDef<T> = {
    colId: columnId(c),
    ...(k.numeric ? { type: 'numericColumn' } : {}),
    ...(k.flex ? { flex: k.flex, minWidth: k.minWidth } : { width: k.width, minWidth: Math.min(k.width ?? 80, 80) }),
    ...(k.wrap ? { wrapText: true, autoHeight: true, cellClass: 'cell-wrap' } : {}),
    // a date a person reads is 2026年1月15日, never 2026-01-15
    ...(kind === 'date' && !def.valueGetter ? { valueFormatter: (p: { value: unknown }) => (p.value ? formatDateZh(String(p.value)) : '—') } : {}),
    ...def,
  };
  // the screen's own cell class beside the wrapping one
  const own = def.cellClass;
  if (k.wrap && own) shaped.cellClass = (p) => ['cell-wrap', ...[typeof own === 'function' ? own(p) : own].flat().filter((x): x is string => !!x)];
  // a fixed width set by the screen leaves no flex from the kind, and the other way round
  if (def.width !== undefined && def.flex === undefined) {
    delete shaped.flex;
    shaped.minWidth = Math.min(def.minWidth ?? 80, def.width);
  }
  if (def.flex !== undefined && def.width === undefined) delete shaped.width;
  return { ...shaped, priority: priority ?? k.priority };
}

/**
 * Which columns to hide so that the rest fit in `available` pixels: the lowest priority first, the
 * rightmost first among equals; columns the person chose to show or hide keep their choice, and
 * priority 1 is never hidden by the grid.
 */
export function fitColumns(
  columns: { id: string; need: number; priority: ColumnPriority }[],
  available: number,
  chosen: ReadonlyMap<string, boolean> = new Map(),
): Set<string> {
  const hidden = new Set(columns.filter((c) => chosen.get(c.id) === false).map((c) => c.id));
  let need = columns.filter((c) => !hidden.has(c.id)).reduce((a, c) => a + c.need, 0);
  if (need <= available) return hidden;
  const candidates = columns
    .map((c, i) => ({ ...c, i }))
    .filter((c) => c.priority > 1 && !hidden.has(c.id) && chosen.get(c.id) !== true)
    .sort((a, b) => b.priority - a.priority || b.i - a.i);
  for (const c of candidates) {
    if (need <= available) break;
    hidden.add(c.id);
    need -= c.need;
  }
  return hidden;
}
