// A QR code drawn as SVG (shared/qr/qr-code.ts), crisp at any print resolution.

import { useMemo } from 'react';
import { qrCode, qrPath } from '../../../shared/qr/qr-code';

export function QrCodeSvg({ text, size = 120, testId }: { text: string; size?: number; testId?: string }) {
  const { path, n } = useMemo(() => {
    const q = qrCode(text);
    return { path: qrPath(q), n: q.size + 8 };
  }, [text]);
  return (
    <svg width={size} height={size} viewBox={`0 0 ${n} ${n}`} shapeRendering="crispEdges" data-testid={testId} role="img" aria-label="二维码">
      <rect width={n} height={n} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
