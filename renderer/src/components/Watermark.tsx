import { useEffect, useState } from 'react';

/**
 * A faint, repeated confidentiality mark over the whole window and on printed pages (screen
 * photos and printouts carry it). Drawn on a canvas once the bundled CJK font has loaded: an SVG
 * image could not use the page's web fonts and would show boxes.
 */
export function Watermark({ text }: { text: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const font = '18px "Noto Sans SC"';
    document.fonts.load(font, text).then(() => {
      if (!live) return;
      const c = document.createElement('canvas');
      c.width = 360;
      c.height = 220;
      const g = c.getContext('2d');
      if (!g) return;
      g.translate(180, 110);
      g.rotate((-22 * Math.PI) / 180);
      g.font = font;
      g.fillStyle = 'rgba(30, 60, 110, 0.065)';
      g.textAlign = 'center';
      g.fillText(text, 0, 0);
      setUrl(c.toDataURL('image/png'));
    });
    return () => {
      live = false;
    };
  }, [text]);
  return <div className="watermark" aria-hidden="true" data-testid="watermark" style={url ? { backgroundImage: `url("${url}")` } : undefined} />;
}
