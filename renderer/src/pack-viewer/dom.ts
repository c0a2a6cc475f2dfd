// The pack page's DOM helpers: elements and SVG built with createElement (the page's
// Content-Security-Policy allows no inline style attributes and no other script), text set as text.

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function s(tag: string, attrs: Record<string, string | number> = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** A table: header cells, then rows of cells (strings or nodes); `num` marks right-aligned columns. */
export function table(head: string[], rows: Child[][], num: number[] = []): HTMLTableElement {
  const cls = (i: number): Record<string, string> => (num.includes(i) ? { class: 'num' } : {});
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...head.map((t, i) => h('th', cls(i), t)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => h('td', cls(i), c))))),
  );
}

/** The element's children replaced (Element.replaceChildren is Chromium 86+: 360/QQ's cores may be older). */
export function fill(el: Element, ...children: Child[]): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
}

export const section = (title: string, ...children: Child[]) => h('section', {}, h('h2', {}, title), ...children);
export const note = (text: string) => h('p', { class: 'note' }, text);
