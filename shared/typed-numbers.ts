// Numbers kept in typed arrays (flag tables, packed flags, group rows, held values) cannot be null:
// NaN stands for "no value" there. The two conversions, in one place.

export const nullToNaN = (x: number | null): number => (x === null ? NaN : x);
export const nanToNull = (x: number): number | null => (Number.isNaN(x) ? null : x);
