#!/usr/bin/env node
// The `monotable` command. The TypeScript sources are compiled to dist/ by `npm run build:node`
// (run automatically by `npm ci` / `npm install` through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/electron/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('monotable: the CLI is not built yet. Run `npm run build:node` (or `npm ci`) in the Monotable folder.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
