/**
 * A QR code drawn in the renderer (qrcode → PNG data: URL, allowed by the CSP's img-src data:). The encoded
 * text is on data-qr-text. The encoder loads with the first QR shown, not with the checkout (issue 15).
 */
import { useEffect, useState } from 'react';

let encoder: Promise<typeof import('qrcode')> | null = null;

interface QrCodeProps {
  text: string;
  /** Pixel width of the image (drawn at twice that for sharp scaling). */
  size: number;
  label: string;
  testId?: string;
  className?: string;
}

export function QrCode({ text, size, label, testId, className }: QrCodeProps) {
  const [src, setSrc] = useState<{ text: string; url: string } | null>(null);
  useEffect(() => {
    let alive = true;
    (encoder ??= import('qrcode'))
      .then((m) => ((m as { default?: typeof m }).default ?? m).toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: size * 2, color: { dark: '#000000', light: '#ffffff' } }))
      .then(
        (url) => alive && setSrc({ text, url }),
        (e: unknown) => console.error('[qr] cannot draw', e),
      );
    return () => {
      alive = false;
    };
  }, [text, size]);
  const ready = src?.text === text;
  return (
    <img
      className={className}
      data-testid={testId}
      data-qr-text={text}
      data-ready={ready}
      src={ready ? src.url : 'data:,'}
      width={size}
      height={size}
      alt={label}
    />
  );
}
