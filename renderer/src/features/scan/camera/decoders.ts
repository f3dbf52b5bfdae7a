/**
 * QR decoders over RGBA pixels (what a canvas gives), usable in a worker, on the main thread and in the
 * benchmark page:
 * - zxing-wasm (ZXing-C++ in WebAssembly): the shipped engine; its .wasm is bundled (no CDN fetch)
 * - @zxing/library (the JavaScript port): the required baseline, "stock" as @zxing/browser runs it, and a
 *   tuned variant (inverted pass) kept as the fallback where WebAssembly is not allowed.
 */
import { BinaryBitmap, HybridBinarizer, InvertedLuminanceSource, QRCodeReader, RGBLuminanceSource, DecodeHintType, BarcodeFormat, type LuminanceSource } from '@zxing/library';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';

export interface Pixels {
  /** RGBA, 4 bytes per pixel. */
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Luma as ZXing computes it from RGB (same weights as @zxing/browser's canvas luminance source). */
export function rgbaToLuma(px: Pixels): Uint8ClampedArray {
  const { data } = px;
  const n = px.width * px.height;
  const out = new Uint8ClampedArray(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) out[i] = (306 * data[j]! + 601 * data[j + 1]! + 117 * data[j + 2]! + 0x200) >> 10;
  return out;
}

function jsDecode(source: LuminanceSource, hints?: Map<DecodeHintType, unknown>): string | null {
  try {
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
  } catch {
    return null; // NotFound / Checksum / Format: no QR in this image
  }
}

/** @zxing/library exactly as @zxing/browser's BrowserQRCodeReader runs it: HybridBinarizer, no hints, no inverted try. */
export function decodeZxingJsStock(px: Pixels): string | null {
  return jsDecode(new RGBLuminanceSource(rgbaToLuma(px), px.width, px.height));
}

const TRY_HARDER = new Map<DecodeHintType, unknown>([
  [DecodeHintType.TRY_HARDER, true],
  [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]],
]);

/** @zxing/library with TRY_HARDER and an inverted pass (phone dark mode). */
export function decodeZxingJsTuned(px: Pixels): string | null {
  const src = new RGBLuminanceSource(rgbaToLuma(px), px.width, px.height);
  return jsDecode(src, TRY_HARDER) ?? jsDecode(new InvertedLuminanceSource(src), TRY_HARDER);
}

let wasmReady: Promise<unknown> | null = null;

/**
 * Loads the bundled ZXing-C++ module from its bytes (never from the network). `wasm` is the .wasm file's
 * bytes or a URL of the bundled copy; call once before decodeWasm.
 */
export function initZxingWasm(wasm: ArrayBuffer | string): Promise<unknown> {
  if (!wasmReady) {
    const overrides = typeof wasm === 'string' ? { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasm : prefix + path) } : { wasmBinary: wasm };
    wasmReady = prepareZXingModule({ overrides, fireImmediately: true });
  }
  return wasmReady;
}

/** zxing-wasm's own defaults (tryHarder, tryRotate, tryInvert, tryDownscale), QR only, one symbol. */
export const WASM_DEFAULT: ReaderOptions = { formats: ['QRCode'], maxNumberOfSymbols: 1 };
/** The first, fast pass on the centred crop: no rotate (QR finder patterns are rotation-free anyway) nor downscale. */
export const WASM_FAST: ReaderOptions = { formats: ['QRCode'], maxNumberOfSymbols: 1, tryHarder: true, tryRotate: false, tryInvert: true, tryDownscale: false };
/** The full-frame pass: everything on, including the downscaled pyramid (small noise, large codes). */
export const WASM_FULL: ReaderOptions = { formats: ['QRCode'], maxNumberOfSymbols: 1, tryHarder: true, tryRotate: false, tryInvert: true, tryDownscale: true };
/** Rescue pass: a fixed mid-grey threshold (flat, low-contrast codes where local averaging amplifies noise). */
export const WASM_FIXED: ReaderOptions = { formats: ['QRCode'], maxNumberOfSymbols: 1, tryHarder: true, tryRotate: false, tryInvert: true, tryDownscale: false, binarizer: 'FixedThreshold' };
/** Rescue pass: morphological denoise (speckle, moiré). */
export const WASM_DENOISE: ReaderOptions = { formats: ['QRCode'], maxNumberOfSymbols: 1, tryHarder: true, tryRotate: false, tryInvert: true, tryDownscale: true, tryDenoise: true };

/**
 * The product barcodes the till sells by (issue 12; the scan router, shared/domain/catalog/scan-code.ts,
 * tells them from a payment QR): read by the lanes whose formats include '1d' (frame-strategy.ts).
 */
export const PRODUCT_FORMATS = ['EAN13', 'EAN8', 'UPCA', 'Code128'] as const satisfies ReaderOptions['formats'];

/** The same options reading QR and the product barcodes. */
export function withProductFormats(options: ReaderOptions): ReaderOptions {
  return { ...options, formats: [...(options.formats ?? ['QRCode']), ...PRODUCT_FORMATS] };
}

export async function decodeWasm(px: Pixels, options: ReaderOptions = WASM_DEFAULT): Promise<string | null> {
  // Pixels has ImageData's shape (width, height, RGBA data): what zxing-wasm reads.
  const results = await readBarcodes(px as Parameters<typeof readBarcodes>[0], options);
  const hit = results.find((r) => r.isValid && r.text !== '');
  return hit ? hit.text : null;
}
