import { parseArgs } from 'node:util';
import { isMonotableError } from '../../shared/errors/monotable-error.js';
import { closestName } from '../../shared/rules/suggest.js';
import { EXIT, signalExitCode, type Command, type CommandIo } from './command.js';
import { commands } from './commands/index.js';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'monotable: DynamoDB single-table design from a model file',
    '',
    'Usage: monotable <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Global options: --help (per command too), --version, --debug (stack traces on errors).',
    '',
  ].join('\n');
}

export function formatError(error: unknown, debug: boolean): string {
  if (isMonotableError(error)) {
    const where = [error.details.file, error.details.path].filter(Boolean).join(' ');
    const lines = [`error [${error.code}]${where ? ` ${where}` : ''}: ${error.message}`];
    if (error.details.hint) lines.push(`  hint: ${error.details.hint}`);
    // A read stopped part way (cancelled, throttled, the connection lost) says where to pick up.
    if (error.details.lastEvaluatedKey !== undefined)
      lines.push(`  continue with --start-key '${JSON.stringify(error.details.lastEvaluatedKey)}'`);
    if (debug && error.stack) lines.push(error.stack);
    return `${lines.join('\n')}\n`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `error [INTERNAL]: ${message}\n  hint: this is a bug in Monotable; run again with --debug and report the output.\n${debug && error instanceof Error && error.stack ? `${error.stack}\n` : ''}`;
}

/** The names a verb accepts: `--name` for each option, `-x` for each short form, and the global ones. */
function optionNames(command: Command): string[] {
  const names = ['--help', '-h', '--debug'];
  for (const [name, option] of Object.entries(command.options)) {
    names.push(`--${name}`);
    if (option.short) names.push(`-${option.short}`);
  }
  return names;
}

/**
 * A flag parseArgs refused, in one line: an unknown option names the nearest one ("did you mean --embedded?");
 * the hint is the verb's synopsis line, not the whole help.
 */
function argumentError(command: Command, error: unknown): string {
  const synopsis = `${command.usage.split('\n')[0]} (\`monotable ${command.name} --help\` for every option)`;
  const unknown = /^Unknown option '([^']+)'/.exec((error as Error).message)?.[1];
  if (unknown) {
    const flag = unknown.split('=')[0]!;
    const near = closestName(
      flag.replace(/^-+/, ''),
      optionNames(command).map((n) => n.replace(/^-+/, '')),
    );
    const suggestion = near === undefined ? undefined : optionNames(command).find((n) => n.replace(/^-+/, '') === near);
    return `error [BAD_INPUT]: unknown option ${flag} for \`monotable ${command.name}\`.${suggestion ? ` Did you mean ${suggestion}?` : ''}\n  hint: ${synopsis}\n`;
  }
  return `error [BAD_INPUT]: ${(error as Error).message}\n  hint: ${synopsis}\n`;
}

async function runCommand(command: Command, argv: string[], io: CommandIo): Promise<number> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }) as { values: Record<string, unknown>; positionals: string[] };
  } catch (error) {
    io.stderr.write(argumentError(command, error));
    return EXIT.FAILURE;
  }
  if (parsed.values.help) {
    io.stdout.write(`${command.usage}\n`);
    return EXIT.OK;
  }
  try {
    return await command.run(parsed, io);
  } catch (error) {
    io.stderr.write(formatError(error, io.debug));
    return EXIT.FAILURE;
  }
}

/** `monotable export … | head`: the reader closing the pipe ends the command quietly instead of crashing on EPIPE. */
function quietOnClosedPipe(stream: NodeJS.WritableStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

export async function main(argv: string[], io?: Partial<CommandIo>): Promise<number> {
  const controller = new AbortController();
  const fullIo: CommandIo = {
    stdout: io?.stdout ?? process.stdout,
    stderr: io?.stderr ?? process.stderr,
    cwd: io?.cwd ?? process.cwd(),
    debug: io?.debug ?? argv.includes('--debug'),
    signal: io?.signal ?? controller.signal,
  };
  const [verb, ...rest] = argv;
  if (!verb || verb === '--help' || verb === '-h' || verb === 'help') {
    fullIo.stdout.write(overview());
    return verb ? EXIT.OK : EXIT.FAILURE;
  }
  if (verb === '--version' || verb === '-v') {
    fullIo.stdout.write('0.1.0\n');
    return EXIT.OK;
  }
  const entry = commands.find((c) => c.name === verb);
  if (!entry) {
    const near = closestName(
      verb,
      commands.map((c) => c.name),
    );
    fullIo.stderr.write(
      `error [BAD_INPUT]: unknown command "${verb}".${near ? ` Did you mean \`monotable ${near}\`?` : ''}\n  hint: run \`monotable --help\` for the list of commands.\n`,
    );
    return EXIT.FAILURE;
  }
  if (!io?.stdout) quietOnClosedPipe(process.stdout);
  let stoppedBy: NodeJS.Signals | undefined;
  if (!io?.signal) {
    // The first signal cancels the command through its AbortSignal (api calls stop, temp files go, the engine child
    // stops); a second one of the same kind ends the process at once (Node's default once this listener is gone).
    const stop = (signal: NodeJS.Signals): void => {
      stoppedBy ??= signal;
      controller.abort(new Error(`interrupted by ${signal}`));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    process.once('SIGHUP', stop); // the terminal went away: stop cleanly (an engine clears its state file)
  }
  const command = await entry.load();
  const code = await runCommand(command, rest, fullIo);
  if (!stoppedBy) return code;
  const exitCode = command.runsUntilStopped ? code : signalExitCode(stoppedBy);
  // Output still queued for a reader that stopped reading (`scan --all | less`) would keep the process alive: once
  // the command has said what it did, give the queue a moment, then end.
  setTimeout(() => {
    const undelivered = process.stdout.writableLength;
    if (undelivered > 0)
      process.stderr.write(
        `warning: ${undelivered.toLocaleString('en-US')} bytes of output were not delivered (the reader of stdout stopped reading); a resume key printed above would skip them, so read again from the start.\n`,
      );
    process.exit(exitCode);
  }, 1_000).unref();
  return exitCode;
}
