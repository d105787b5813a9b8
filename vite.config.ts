import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer build (browser mode and Electron load the same files). Test configuration stays in vitest.config.ts.
 * `base: './'` keeps asset URLs relative, so the build works from `monotable serve` and from a file:// page.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
});
