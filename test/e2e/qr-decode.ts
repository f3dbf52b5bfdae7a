/** Reads a QR code drawn on screen, as a phone would: from the pixels. */
import { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import { expect, type Locator } from '@playwright/test';

/** Decodes a QR <img> the page drew from its pixels (read back through a canvas in the page), not from its data attribute. */
export async function decodeQrImage(img: Locator): Promise<string> {
  await expect(img).toHaveAttribute('data-ready', 'true');
  const { width, height, luma } = await img.evaluate((el) => {
    // runs in the page (DOM types are not in the node tsconfig)
    type Ctx = { drawImage(i: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    const i = el as unknown as { naturalWidth: number; naturalHeight: number };
    const doc = (globalThis as unknown as { document: { createElement(t: 'canvas'): { width: number; height: number; getContext(k: '2d'): Ctx } } }).document;
    const c = doc.createElement('canvas');
    c.width = i.naturalWidth;
    c.height = i.naturalHeight;
    const g = c.getContext('2d');
    g.drawImage(i, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const out: number[] = [];
    for (let k = 0; k < d.length; k += 4) out.push((d[k]! * 299 + d[k + 1]! * 587 + d[k + 2]! * 114) / 1000);
    return { width: c.width, height: c.height, luma: out };
  });
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(Uint8ClampedArray.from(luma), width, height)));
  return new QRCodeReader().decode(bitmap, new Map([[DecodeHintType.TRY_HARDER, true]])).getText();
}
