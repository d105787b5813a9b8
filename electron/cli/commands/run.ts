import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { call } from '../api.js';
import { stringOption } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, withConnection } from '../connection-flags.js';
import { loadModelFile } from '../load-model.js';
import { READ_OPTIONS, READ_USAGE, readFlags, readInput, streamToStdout, writeSummary } from './read-output.js';

/** `--param NAME=VALUE` flags → parameter values (text; the pattern's templates give them their types). */
function parseParams(values: Record<string, unknown>): Record<string, string> {
  const params: Record<string, string> = {};
  const list = Array.isArray(values.param) ? (values.param as string[]) : [];
  for (const entry of list) {
    const eq = entry.indexOf('=');
    if (eq <= 0)
      throw new MonotableError('BAD_INPUT', `--param "${entry}" is not NAME=VALUE.`, {
        hint: 'e.g. --param customer_id=c1',
      });
    const name = entry.slice(0, eq);
    if (Object.hasOwn(params, name))
      throw new MonotableError('BAD_INPUT', `--param ${name} is given twice.`, {
        param: name,
        hint: 'Give each parameter once.',
      });
    params[name] = entry.slice(eq + 1);
  }
  return params;
}

const USAGE = `Usage: monotable run FILE PATTERN --param NAME=VALUE ... (connection) [--limit N] [--all] [--max-items N] [--plain]

Runs an access pattern of the model with these parameter values: the request is the one the model resolves
(index, key condition, filter, projection, order, limit), sent with ReturnConsumedCapacity.

Options:
  --param NAME=VALUE   a parameter of the pattern (repeat for each); \`monotable patterns FILE\` lists them
  --confirm TABLE      production connections: confirm a write by typing the table name

${READ_USAGE}

${CONNECTION_USAGE}`;

export const runCommand: Command = {
  name: 'run',
  usage: USAGE,
  options: {
    ...CONNECTION_OPTIONS,
    ...READ_OPTIONS,
    param: { type: 'string', multiple: true },
    confirm: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length !== 2) {
      throw new MonotableError(
        'BAD_INPUT',
        positionals.length < 2
          ? 'Name the model file and the access pattern.'
          : `Expected FILE PATTERN, got ${positionals.length} words: ${positionals.join(' ')}.`,
        { hint: USAGE.split('\n')[0] },
      );
    }
    const [file, patternName] = positionals as [string, string];
    const flags = readFlags(values);
    const params = parseParams(values);
    const { model } = await loadModelFile(file, io);
    const confirm = stringOption(values, 'confirm');
    const { summary, items } = await withConnection(values, io, ({ connectionId }) =>
      streamToStdout(io, flags.plain, async (onEvent) => {
        const output = await call(
          'operation.runPattern',
          {
            connectionId,
            model,
            pattern: patternName,
            params,
            ...readInput(flags),
            ...(confirm !== undefined && { confirm }),
          },
          { signal: io.signal, onEvent },
        );
        return output.result;
      }),
    );
    writeSummary(io, summary, items);
    return EXIT.OK;
  },
};
