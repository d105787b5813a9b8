import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { buildAdHocScan } from '../../../shared/operations/ad-hoc-request.js';
import { exportItems } from '../../backend/operations/scan-export.js';
import { selectOneTable } from '../../backend/tables/select-tables.js';
import { singleFile, stringOption } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, withConnection } from '../connection-flags.js';
import { loadModelFile } from '../load-model.js';
import { AD_HOC_OPTIONS, adHocRead } from './query.js';
import { READ_OPTIONS, READ_USAGE, readFlags, streamToStdout, writeSummary, type ReadFlags } from './read-output.js';

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

function segmentCount(values: Record<string, unknown>, flags: ReadFlags): number {
  const text = values.segments;
  if (typeof text !== 'string') return 1;
  if (!/^[1-9]\d{0,3}$/.test(text))
    throw new MonotableError('BAD_INPUT', `--segments "${text}" is not a whole number from 1 to 9999.`, {
      hint: 'e.g. --segments 4',
    });
  const n = Number(text);
  if (n > 1 && (!flags.all || flags.maxItems !== undefined || flags.exclusiveStartKey !== undefined)) {
    throw new MonotableError(
      'BAD_INPUT',
      '--segments reads the whole table: it needs --all and no --max-items or --start-key.',
      { hint: 'Add --all, or drop --segments.' },
    );
  }
  return n;
}

export const scanCommand: Command = {
  name: 'scan',
  usage: USAGE,
  options: { ...CONNECTION_OPTIONS, ...READ_OPTIONS, ...AD_HOC_OPTIONS, segments: { type: 'string' } },
  async run({ values, positionals }, io) {
    const file = singleFile(positionals, USAGE);
    const flags = readFlags(values);
    const { model } = await loadModelFile(file, io);
    const table = selectOneTable(model, stringOption(values, 'table'));
    const request = buildAdHocScan(model, {
      table: table.name,
      ...adHocRead(values),
      ...(flags.limit !== undefined && { limit: flags.limit }),
    });
    const segments = segmentCount(values, flags);
    const { summary, items } = await withConnection(values, io, async (connection) => {
      if (segments > 1) {
        const exported = await exportItems(connection, request, io.stdout, {
          segments,
          signal: io.signal,
          format: flags.plain ? 'plain' : 'typed',
        });
        return { summary: exported, items: exported.items };
      }
      return streamToStdout(connection, request, { ...flags, signal: io.signal }, io, flags.plain);
    });
    writeSummary(io, summary, items);
    return EXIT.OK;
  },
};
