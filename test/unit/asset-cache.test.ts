import { describe, expect, it } from 'vitest';
import { cacheControlFor } from '../../electron/core/asset-cache';

describe('renderer cache policy (issue 15)', () => {
  it('keeps content-hashed assets for a year, immutable', () => {
    for (const p of ['/srv/out/renderer/assets/index-BxnhWHat.js', 'assets/zxing_reader-Bb9Mx2Pu.wasm', 'C:\\app\\renderer\\assets\\HistoryScreen-q01dN8NW.css']) {
      expect(cacheControlFor(p)).toBe('public, max-age=31536000, immutable');
    }
  });
  it('revalidates index.html and files without a content hash', () => {
    for (const p of ['/srv/out/renderer/index.html', 'assets/logo.png', 'display.html', 'assets/sub/x-BxnhWHat.js', 'notassets/index-BxnhWHat.js']) {
      expect(cacheControlFor(p)).toBe('no-cache');
    }
  });
});
