/**
 * The degraded image set of the scan benchmark: 9 categories × 25 images (640×480), payload text known,
 * severity ramping up within each category so read rates separate the decoders. Deterministic.
 * Pure TypeScript: rendered in the benchmark page (Chromium) from these descriptions.
 */
import { encodeQrPayload } from '../shared/domain/qr-payload';
import { prng, type QrScene } from '../test/fixtures/video/qr-synth';

export const DEGRADED_CATEGORIES = ['blur', 'noise', 'low-contrast', 'glare', 'rotation', 'perspective', 'moire', 'inverted', 'small-modules'] as const;
export type DegradedCategory = (typeof DEGRADED_CATEGORIES)[number];
export const PER_CATEGORY = 25;
export const SET_WIDTH = 640;
export const SET_HEIGHT = 480;

export interface DegradedImage {
  id: string;
  category: DegradedCategory;
  scene: QrScene;
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function degradedSet(seed = 20260401): DegradedImage[] {
  const rnd = prng(seed);
  const pick = (a: number, b: number) => a + (b - a) * rnd();
  const payload = () => encodeQrPayload(Array.from({ length: 16 }, () => B32[Math.floor(rnd() * 32)]).join(''));
  const out: DegradedImage[] = [];
  for (const category of DEGRADED_CATEGORIES) {
    for (let i = 0; i < PER_CATEGORY; i++) {
      const s = i / (PER_CATEGORY - 1); // severity 0..1
      const modulePx = category === 'small-modules' ? 3.2 - 2.0 * s : category === 'rotation' ? 5 - 2.4 * s : pick(4.5, 7);
      const side = 33 * modulePx;
      // Anywhere in the frame (the whole code inside it): often outside the centred crop.
      const marginX = (side * 0.75) / SET_WIDTH;
      const marginY = (side * 0.75) / SET_HEIGHT;
      const scene: QrScene = {
        width: SET_WIDTH,
        height: SET_HEIGHT,
        text: payload(),
        modulePx,
        cx: pick(Math.min(0.5, marginX), Math.max(0.5, 1 - marginX)),
        cy: pick(Math.min(0.5, marginY), Math.max(0.5, 1 - marginY)),
        rotateDeg: pick(-8, 8),
        background: rnd() < 0.5 ? 'texture' : 'flat',
        noise: 2,
        seed: Math.floor(rnd() * 1e9),
      };
      switch (category) {
        case 'blur':
          scene.blur = Math.round(1 + s * 5);
          scene.modulePx = pick(5, 7);
          break;
        case 'noise':
          scene.noise = 12 + s * 70;
          break;
        case 'low-contrast':
          scene.dark = 128 - (34 - 30 * s);
          scene.light = 128 + (34 - 30 * s);
          scene.backgroundLevel = 128;
          scene.noise = 3;
          break;
        case 'glare':
          scene.glare = { x: pick(0.15, 0.85), y: pick(0.15, 0.85), r: 0.12 + 0.25 * s, strength: 120 + 260 * s };
          break;
        case 'rotation':
          scene.rotateDeg = pick(0, 360);
          break;
        case 'perspective':
          scene.tiltX = (rnd() < 0.5 ? -1 : 1) * (0.1 + 0.45 * s);
          scene.tiltY = (rnd() < 0.5 ? -1 : 1) * 0.3 * s;
          scene.rotateDeg = pick(-30, 30);
          break;
        case 'moire':
          scene.moire = { amplitude: 20 + 70 * s, period: pick(2.5, 6), angleDeg: pick(0, 45) };
          break;
        case 'inverted':
          scene.inverted = true;
          scene.noise = 4 + 26 * s;
          scene.blur = s > 0.5 ? 1 : 0;
          scene.rotateDeg = pick(0, 360);
          break;
        case 'small-modules':
          scene.noise = 3;
          break;
      }
      out.push({ id: `${category}-${String(i).padStart(2, '0')}`, category, scene });
    }
  }
  return out;
}
