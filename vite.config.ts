import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The chunk of the model checks: validation, pattern resolution and preview, which run as soon as a model opens. */
const CHECKS_CHUNK = 'checks';

/**
 * Marks the checks chunk for eager compilation with V8's explicit compile hint (`//# allFunctionsCalledOnLoad`,
 * Chrome 136+ and so Electron 36+; other engines ignore the comment). Every function of that chunk runs on the first
 * validation of an opened model; without the hint V8 compiles each on the main thread when it is first called, in
 * the middle of that first pass, instead of on a background thread while the page loads.
 * The comment is added after minification, which would remove it.
 */
function eagerCompile(chunkName: string): Plugin {
  return {
    name: 'monotable:eager-compile',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle))
        if (file.type === 'chunk' && file.name === chunkName) file.code = `//# allFunctionsCalledOnLoad\n${file.code}`;
    },
  };
}

/**
 * The renderer build (browser mode and Electron load the same files). Test configuration stays in vitest.config.ts.
 * `base: './'` keeps asset URLs relative, so the build works from `monotable serve` and from a file:// page.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), eagerCompile(CHECKS_CHUNK)],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: CHECKS_CHUNK, test: /[\\/]shared[\\/](rules|patterns)[\\/]/ }],
        },
      },
    },
  },
});
