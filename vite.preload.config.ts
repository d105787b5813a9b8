import { defineConfig } from 'vite';

/**
 * The desktop app's preload as one CommonJS file (dist/electron/preload/preload.cjs): a sandboxed preload can only
 * `require` a few built-in modules (electron among them), not ES modules nor files of its own.
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist/electron/preload',
    emptyOutDir: false,
    minify: false,
    sourcemap: false,
    target: 'chrome140',
    lib: { entry: 'electron/preload/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
    rollupOptions: { external: ['electron'] },
  },
});
