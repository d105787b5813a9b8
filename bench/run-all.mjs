// Runs every benchmark once, one after the other, with sizes that finish in a few minutes on 2 cores.
// Each prints its own figures. Run: npm run bench (builds first). For the full 1,000,000-item scan export:
// node bench/scan-export.mjs
import { spawnSync } from 'node:child_process';

const runs = [
  ['model-pipeline.mjs'],
  ['patterns-preview.mjs'],
  ['api-dispatch.mjs'],
  ['http-api.mjs'],
  ['cli-startup.mjs'],
  ['seed-throughput.mjs'],
  ['scan-export.mjs', '--items', '200000'],
];
for (const [file, ...args] of runs) {
  console.log(`\n=== bench/${file} ${args.join(' ')}`);
  const result = spawnSync(process.execPath, ['--expose-gc', new URL(file, import.meta.url).pathname, ...args], {
    stdio: 'inherit',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (result.status !== 0) console.log(`(bench/${file} exited with ${result.status ?? result.signal})`);
}
