import { isMonotableError, MonotableError } from '../../../shared/errors/monotable-error.js';
import { explainRefusedWrite, patternRequest } from '../../backend/operations/run-pattern.js';
import { stringOption } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, withConnection } from '../connection-flags.js';
import { loadModelFile } from '../load-model.js';
import { READ_OPTIONS, READ_USAGE, readFlags, streamToStdout, writeSummary } from './read-output.js';

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
    const { model } = await loadModelFile(file, io);
    const { pattern, request } = patternRequest(model, patternName, parseParams(values));
    if (flags.limit !== undefined) request.input['Limit'] = flags.limit;
    const options = { ...flags, signal: io.signal, confirm: stringOption(values, 'confirm') };
    try {
      const { summary, items } = await withConnection(values, io, (connection) =>
        streamToStdout(connection, request, options, io, flags.plain),
      );
      writeSummary(io, summary, items);
      return EXIT.OK;
    } catch (error) {
      // The pattern's own condition refused the write (no such item to update, key already taken): a finding, exit 1.
      if (!isMonotableError(error) || error.code !== 'CONDITION_FAILED') throw error;
      const refused = explainRefusedWrite(model, pattern, request, error);
      io.stderr.write(`error [${refused.code}]: ${refused.message}\n  hint: ${refused.details.hint ?? ''}\n`);
      return EXIT.FINDINGS;
    }
  },
};
