import { isAbsolute, resolve } from 'node:path';

export const MODEL_FILE_SUFFIX = '.monotable.json';

/**
 * The model file given on the command line (`monotable-desktop path/to/x.monotable.json`, a double-click through the
 * file association, or a second launch forwarded by the single-instance lock): the last argument that names a
 * `.monotable.json` file, resolved against the launching folder. Switches (`--foo`) and Electron's own arguments
 * (the executable, the app folder) are skipped.
 */
export function modelFileFromArgv(argv: readonly string[], cwd: string): string | undefined {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]!;
    if (arg.startsWith('-')) continue;
    if (!arg.toLowerCase().endsWith(MODEL_FILE_SUFFIX)) continue;
    return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return undefined;
}
