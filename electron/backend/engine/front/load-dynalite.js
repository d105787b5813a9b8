// dynalite's internals (store, validations, actions) loaded with Monotable's recorded fixes applied in memory.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { DYNALITE_PATCHES } from './dynalite-patches.js';

const require = createRequire(import.meta.url);

/**
 * Patches left out, by name (comma-separated in MONOTABLE_SKIP_DYNALITE_PATCHES): only for tests that show the
 * engine surviving the original bug.
 */
const skipped = new Set((process.env.MONOTABLE_SKIP_DYNALITE_PATCHES ?? '').split(',').filter(Boolean));

/** The patched source of one dynalite file; throws when a patch no longer applies (dynalite changed). */
export function patchedSource(file) {
  const filename = require.resolve(`dynalite/${file}`);
  let source = readFileSync(filename, 'utf8');
  for (const patch of DYNALITE_PATCHES.filter((p) => p.file === file && !skipped.has(p.name))) {
    if (!source.includes(patch.find)) {
      throw new Error(
        `dynalite patch "${patch.name}" no longer applies to ${file} (dynalite was upgraded?); see electron/backend/engine/front/dynalite-patches.js`,
      );
    }
    const replacement = typeof patch.replace === 'function' ? patch.replace(source) : patch.replace;
    source = source.replace(patch.find, () => replacement);
  }
  return { filename, source };
}

function installPatched(file) {
  const { filename, source } = patchedSource(file);
  if (require.cache[filename]?.monotablePatched) return;
  const module = new Module(filename);
  module.filename = filename;
  module.paths = Module._nodeModulePaths(dirname(filename));
  module._compile(source, filename);
  module.loaded = true;
  module.monotablePatched = true;
  require.cache[filename] = module;
}

for (const file of new Set(DYNALITE_PATCHES.map((p) => p.file))) installPatched(file);

export const db = require('dynalite/db/index.js');
export const validations = require('dynalite/validations/index.js');

const OPERATIONS = [
  'BatchGetItem',
  'BatchWriteItem',
  'CreateTable',
  'DeleteItem',
  'DeleteTable',
  'DescribeTable',
  'GetItem',
  'ListTables',
  'PutItem',
  'Query',
  'Scan',
  'TagResource',
  'UntagResource',
  'ListTagsOfResource',
  'UpdateItem',
  'UpdateTable',
];

/** Operation name → { action(store, data, cb), validation: { types, custom } } for what dynalite implements. */
export const dynaliteOperations = new Map(
  OPERATIONS.map((operation) => {
    const name = validations.toLowerFirst(operation);
    return [
      operation,
      { action: require(`dynalite/actions/${name}.js`), validation: require(`dynalite/validations/${name}.js`) },
    ];
  }),
);
