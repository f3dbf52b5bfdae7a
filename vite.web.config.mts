import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * zod and src/lib/zod-jitless.ts in one chunk of their own, so `z.config({ jitless: true })` runs before any
 * other chunk builds a schema: with its JIT on, zod probes `Function('')` when an object schema is built, and
 * under the CSP (no eval) Chromium reports that as a violation. Since the screens load lazily (issue 15) the
 * contract's schemas sit in a shared chunk that is evaluated before the entry chunk's first import.
 */
const zodChunk = (id: string): string | undefined =>
  /[\\/]node_modules[\\/]zod[\\/]/.test(id) || /[\\/]src[\\/]lib[\\/]zod-jitless\.ts$/.test(id) ? 'zod' : undefined;

const __dirname = dirname(fileURLToPath(import.meta.url));

// The same renderer, built alone for the web shell (no Electron toolchain needed).
export default defineConfig({
  root: resolve(__dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: { outDir: resolve(__dirname, 'out/renderer'), emptyOutDir: true, rollupOptions: { output: { manualChunks: zodChunk } } },
});
