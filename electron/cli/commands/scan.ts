import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { call } from '../api.js';
import { singleFile } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, withConnection } from '../connection-flags.js';
import { loadModelFile } from '../load-model.js';
import { AD_HOC_OPTIONS, adHocRead } from './query.js';
import { READ_OPTIONS, READ_USAGE, readFlags, readInput, streamToStdout, writeSummary } from './read-output.js';

const USAGE = `Usage: monotable scan FILE [--table T] [--index I] [--filter "A OP V"] [--projection a,b] [--consistent] (connection) [--limit N] [--all]

Scans a table or index of the model. Without --all it reads one page (at most 1 MB, or --limit items).
With --all it streams every page to stdout as it arrives (memory stays flat: redirect to a file to export).

Options:
  --table T            the table (default: the model's only table)
  --index I            a global or local secondary index of the table
  --filter "A OP V"    filter, repeatable (AND): "status = open", "total between 10 and 20", "email exists"
  --projection a,b     only these attributes
  --consistent         strongly consistent read (table and local indexes only)
  --segments N         with --all: a parallel Scan of N segments (items come in no particular order)

${READ_USAGE}

${CONNECTION_USAGE}`;

/** --segments N: a whole number; whether it fits the other flags is the use case's rule (operation.scan). */
function segmentCount(values: Record<string, unknown>): number | undefined {
  const text = values.segments;
  if (typeof text !== 'string') return undefined;
  if (!/^[1-9]\d{0,3}$/.test(text))
    throw new MonotableError('BAD_INPUT', `--segments "${text}" is not a whole number from 1 to 9999.`, {
      hint: 'e.g. --segments 4',
    });
  return Number(text);
}

export const scanCommand: Command = {
  name: 'scan',
  usage: USAGE,
  options: { ...CONNECTION_OPTIONS, ...READ_OPTIONS, ...AD_HOC_OPTIONS, segments: { type: 'string' } },
  async run({ values, positionals }, io) {
    const file = singleFile(positionals, USAGE);
    const flags = readFlags(values);
    const segments = segmentCount(values);
    const { model } = await loadModelFile(file, io);
    const { summary, items } = await withConnection(values, io, ({ connectionId }) =>
      streamToStdout(io, flags.plain, async (onEvent) => {
        const output = await call(
          'operation.scan',
          {
            connectionId,
            model,
            ...adHocRead(values),
            ...readInput(flags),
            ...(segments !== undefined && { segments }),
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
