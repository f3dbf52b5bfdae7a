import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * zod and src/lib/zod-jitless.ts in one chunk of their own, so `z.config({ jitless: true })` runs before any
 * other chunk builds a schema: with its JIT on, zod probes `Function('')` when an object schema is built, and
 * under the CSP (no eval) Chromium reports that as a violation. Since the screens load lazily (issue 15) the
 * contract's schemas sit in a shared chunk that is evaluated before the entry chunk's first import.
 */
const zodChunk = (id: string): string | undefined =>
  /[\\/]node_modules[\\/]zod[\\/]/.test(id) || /[\\/]src[\\/]lib[\\/]zod-jitless\.ts$/.test(id) ? 'zod' : undefined;

// Custom entries (design.md §3.5): main and preload under electron/, the renderer rooted at renderer/.
// CommonJS output for main and preload; the sandboxed preload is bundled whole (no external deps).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/main/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html'), output: { manualChunks: zodChunk } },
    },
  },
});
