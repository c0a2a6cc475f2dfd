import { useMemo } from 'react';

/** A faint, repeated confidentiality mark over the whole window (screen photos carry it). */
export function Watermark({ text }: { text: string }) {
  const url = useMemo(() => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="220"><text x="30" y="130" transform="rotate(-22 180 110)" font-family="Noto Sans SC, sans-serif" font-size="18" fill="rgba(30,60,110,0.07)">${text.replace(/[<>&"]/g, '')}</text></svg>`;
    return `url("data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}")`;
  }, [text]);
  return <div className="watermark" aria-hidden="true" style={{ backgroundImage: url }} />;
}
