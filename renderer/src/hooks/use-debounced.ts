import { useRef } from 'react';

/** Runs fn once typing has paused for `ms`; the latest arguments win. */
export function useDebounced<A extends unknown[]>(fn: (...a: A) => void, ms: number) {
  const t = useRef<ReturnType<typeof setTimeout> | null>(null);
  const f = useRef(fn);
  f.current = fn;
  return (...a: A) => {
    if (t.current) clearTimeout(t.current);
    t.current = setTimeout(() => f.current(...a), ms);
  };
}
