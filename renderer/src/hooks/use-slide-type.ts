// The smallest type on a slide, following the window: 20 px at 1366×768, 28 px at 1920×1080. A
// projector is read from the back row, so a larger screen gets larger type, not more on it; what
// does not fit at this size is left off (fewer labels), never drawn smaller.

import { useEffect, useState } from 'react';

/** The smallest text size (px) a slide of this window size may draw: never under 20. */
export function slideTypeSize(width: number, height: number): number {
  return Math.max(20, Math.round(20 * Math.min(width / 1366, height / 768)));
}

/** slideTypeSize of the window, and the window's size, following resizes (a projector plugged in mid-meeting). */
export function useSlideType(): { t: number; width: number; height: number } {
  const read = () => ({ t: slideTypeSize(window.innerWidth, window.innerHeight), width: window.innerWidth, height: window.innerHeight });
  const [s, setS] = useState(read);
  useEffect(() => {
    const on = () => setS(read());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return s;
}
