/** The centred crop the decoder reads first; the preview draws the same square as its target frame. */
export type Lane = 'crop' | 'full';
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Side of the centred crop, as a fraction of the frame's shorter side. */
export const CROP_FRACTION = 0.72;

export function centreCrop(width: number, height: number, fraction = CROP_FRACTION): Rect {
  const side = Math.max(1, Math.round(Math.min(width, height) * fraction));
  return { x: Math.floor((width - side) / 2), y: Math.floor((height - side) / 2), w: side, h: side };
}
