// Vite build of the renderer into dist/renderer (served by the app:// protocol, or loopback http in tests).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

export default defineConfig({
  root: path.resolve(import.meta.dirname),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, '../dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    // No inline scripts or styles injected at runtime: the CSP forbids them.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 4000,
  },
});
