// The controlled list of institution types the draw's type coverage uses. With free-text labels
// whoever typed them decided the draw: an institution whose label was unique was picked almost
// always. The list is fixed; a region may add types before a term starts (draw rules), and an
// institution whose type is not on the list counts as 其他. The labels are part of the frozen pool.

export const INSTITUTION_TYPES = ['综合', '中医', '专科', '妇幼', '乡镇卫生院', '社区卫生服务中心', '其他'] as const;

/** The type the draw uses for a label from the data package. */
export function controlledType(label: string | null | undefined, allowed: readonly string[]): string {
  const t = (label ?? '').trim();
  if (allowed.includes(t)) return t;
  // the common spellings of the listed types
  if (/中西医|民族医|中医/.test(t)) return '中医';
  if (/妇幼|妇产/.test(t)) return '妇幼';
  if (/社区/.test(t)) return '社区卫生服务中心';
  if (/乡镇|卫生院/.test(t)) return '乡镇卫生院';
  return '其他';
}
