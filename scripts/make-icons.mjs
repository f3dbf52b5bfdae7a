#!/usr/bin/env node
// Renders the app icon (the design of resources/icon.svg: a green rounded square with a QR-like
// mark) into the files electron-builder packs, with Node's zlib only (no image tool needed):
//   resources/icon.png              512x512 (Linux AppImage/deb fallback, window icon)
//   resources/icons/NxN.png         16…512 (the Linux icon set, hicolor sizes)
//   resources/icon.ico              16, 24, 32, 48, 64, 128 (BMP) and 256 (PNG) for Windows / NSIS
// Run: node scripts/make-icons.mjs   (outputs are committed; rerun after changing the design here)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const GREEN = [0x0b, 0x6e, 0x4f];
const WHITE = [0xff, 0xff, 0xff];
// Shapes in the 512x512 design space of resources/icon.svg, painted in order: [x, y, w, h, radius, colour]
const SHAPES = [
  [0, 0, 512, 512, 96, GREEN],
  [96, 96, 120, 120, 12, WHITE],
  [296, 96, 120, 120, 12, WHITE],
  [96, 296, 120, 120, 12, WHITE],
  [296, 296, 50, 50, 0, WHITE],
  [366, 366, 50, 50, 0, WHITE],
  [366, 296, 50, 50, 0, WHITE],
  [296, 366, 50, 50, 0, WHITE],
  [126, 126, 60, 60, 0, GREEN],
  [326, 126, 60, 60, 0, GREEN],
  [126, 326, 60, 60, 0, GREEN],
];

function inRoundRect(px, py, [x, y, w, h, r]) {
  if (px < x || py < y || px >= x + w || py >= y + h) return false;
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

/** RGBA pixels (straight alpha), 4x4 supersampled. */
export function render(size) {
  const out = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const px = ((x + (sx + 0.5) / S) * 512) / size;
          const py = ((y + (sy + 0.5) / S) * 512) / size;
          let colour = null;
          for (const shape of SHAPES) if (inRoundRect(px, py, shape)) colour = shape[5];
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (y * size + x) * 4;
      out[i] = a ? Math.round(r / a) : 0;
      out[i + 1] = a ? Math.round(g / a) : 0;
      out[i + 2] = a ? Math.round(b / a) : 0;
      out[i + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  return out;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** A 32-bit BMP (DIB) image as ICO stores it: height doubled, rows bottom-up BGRA, then an all-zero AND mask. */
function icoBmp(size, rgba) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4;
      const d = ((size - 1 - y) * size + x) * 4;
      pixels[d] = rgba[s + 2];
      pixels[d + 1] = rgba[s + 1];
      pixels[d + 2] = rgba[s];
      pixels[d + 3] = rgba[s + 3];
    }
  }
  const mask = Buffer.alloc(Math.ceil(size / 32) * 4 * size);
  header.writeUInt32LE(pixels.length + mask.length, 20);
  return Buffer.concat([header, pixels, mask]);
}

export function ico(images) {
  const head = Buffer.alloc(6);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([head, ...entries, ...images.map((i) => i.data)]);
}

const root = resolve(import.meta.dirname, '..');
const res = join(root, 'resources');
mkdirSync(join(res, 'icons'), { recursive: true });
const rendered = new Map();
const at = (size) => rendered.get(size) ?? rendered.set(size, render(size)).get(size);
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) writeFileSync(join(res, 'icons', `${size}x${size}.png`), png(size, at(size)));
writeFileSync(join(res, 'icon.png'), png(512, at(512)));
writeFileSync(join(res, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, data: size === 256 ? png(size, at(size)) : icoBmp(size, at(size)) }))));
console.log('wrote resources/icon.png, resources/icons/*.png, resources/icon.ico');
