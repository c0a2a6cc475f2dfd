// Long tables on a slide are paged, not cut: the slide says how many screens its table needs, and
// the presentation's ↓ shows the next screen (↑ the one before). The keys that turn the page —
// → ←, and a clicker's PageDown PageUp — never step through screens. Outside a presentation there
// is no pager and a table shows page 0 of 1.

import { createContext, useContext, useEffect } from 'react';

export interface SlidePager {
  page: number;
  setPages: (n: number) => void;
}

export const SlidePagesContext = createContext<SlidePager | null>(null);

/** Rows of t px text (a row 2.2 t high) that fit below the slide's title, table header and note at this window height. */
export function rowsPerScreen(windowHeight: number, t = 20): number {
  return Math.max(3, Math.floor((windowHeight - 15 * t) / (2.2 * t)));
}

/** The screen of a table of `rows` rows shown now, and how many screens it takes. */
export function useSlidePage(rows: number, perPage: number): { page: number; pages: number } {
  const pager = useContext(SlidePagesContext);
  const pages = Math.max(1, Math.ceil(rows / perPage));
  const setPages = pager?.setPages;
  useEffect(() => setPages?.(pages), [setPages, pages]);
  return { page: Math.min(pager?.page ?? 0, pages - 1), pages };
}
