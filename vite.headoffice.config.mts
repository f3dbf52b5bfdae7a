import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const __dirname = dirname(fileURLToPath(import.meta.url));

// The head office dashboard (headoffice/dashboard), served by the head office from out/headoffice-dashboard.
export default defineConfig({
  root: resolve(__dirname, 'headoffice/dashboard'),
  base: './',
  plugins: [react()],
  build: { outDir: resolve(__dirname, 'out/headoffice-dashboard'), emptyOutDir: true },
});
