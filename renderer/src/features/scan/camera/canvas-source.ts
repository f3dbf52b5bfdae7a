/** Frame pixels through a canvas (worker, main-thread fallback, benchmark page). Browser only. */
import type { FrameSource } from './frame-strategy';

type Ctx2D = OffscreenCanvasRenderingContext2D;
/**
 * A FrameSource over anything a canvas can draw (VideoFrame, ImageBitmap, video): pixels come from an
 * OffscreenCanvas (one per size, reused), scaling by the canvas's own bilinear filter.
 */
export function canvasSource(image: CanvasImageSource, width: number, height: number, canvases = new Map<string, Ctx2D>()): FrameSource {
  const ctxFor = (w: number, h: number): Ctx2D => {
    const key = `${w}x${h}`;
    let ctx = canvases.get(key);
    if (!ctx) {
      if (canvases.size > 6) canvases.clear();
      ctx = new OffscreenCanvas(w, h).getContext('2d', { willReadFrequently: true })!;
      ctx.imageSmoothingQuality = 'high';
      canvases.set(key, ctx);
    }
    return ctx;
  };
  return {
    width,
    height,
    grab(r, scale = 1) {
      const w = Math.round(r.w * scale);
      const h = Math.round(r.h * scale);
      const ctx = ctxFor(w, h);
      ctx.drawImage(image, r.x, r.y, r.w, r.h, 0, 0, w, h);
      return ctx.getImageData(0, 0, w, h);
    },
  };
}
