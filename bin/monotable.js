#!/usr/bin/env node
// The `monotable` command. The TypeScript sources are compiled to dist/ by `npm run build:node`
// (run automatically by `npm ci` / `npm install` through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/electron/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write(
    'monotable: the CLI is not built yet. Run `npm run build:node` (or `npm ci`) in the Monotable folder.\n',
  );
  process.exit(2);
}
// The SDK warns on every run that releases after January 2027 will need Node 22. Monotable pins its SDK
// version, so the warning says nothing about this install; the README states the Node versions supported.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
