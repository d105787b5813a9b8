import { isMonotableError } from '../../../shared/errors/monotable-error.js';
import { formatError } from '../main.js';
import { call } from '../api.js';
import { fileAndPattern, parseParams, stringOption } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, withConnection } from '../connection-flags.js';
import { loadModelFile } from '../load-model.js';
import { READ_OPTIONS, READ_USAGE, readFlags, readInput, streamToStdout, writeSummary } from './read-output.js';

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
    const [file, patternName] = fileAndPattern(positionals, USAGE);
    const flags = readFlags(values);
    const params = parseParams(values);
    const { model } = await loadModelFile(file, io);
    const confirm = stringOption(values, 'confirm');
    const run = withConnection(values, io, ({ connectionId }) =>
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
    try {
      const { summary, items } = await run;
      writeSummary(io, summary, items);
      return EXIT.OK;
    } catch (error) {
      // The pattern's own condition refused the write (no such item to update, key already taken): a finding, exit 1.
      if (!isMonotableError(error) || error.code !== 'CONDITION_FAILED') throw error;
      io.stderr.write(formatError(error, io.debug));
      return EXIT.FINDINGS;
    }
  },
};
