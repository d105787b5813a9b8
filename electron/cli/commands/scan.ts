import { buildAdHocScan } from '../../../shared/operations/ad-hoc-request.js';
import { selectOneTable } from '../../backend/tables/select-tables.js';
import { streamOperation } from '../../backend/operations/stream-operation.js';
import { singleFile, stringOption } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, withConnection } from '../connection-flags.js';
import { loadModelFile } from '../load-model.js';
import { AD_HOC_OPTIONS, adHocRead } from './query.js';
import { READ_OPTIONS, READ_USAGE, itemWriter, readFlags, writeSummary } from './read-output.js';

const USAGE = `Usage: monotable scan FILE [--table T] [--index I] [--filter "A OP V"] [--projection a,b] [--consistent] (connection) [--limit N] [--all]

Scans a table or index of the model. Without --all it reads one page (at most 1 MB, or --limit items).
With --all it streams every page to stdout as it arrives (memory stays flat: redirect to a file to export).

Options:
  --table T            the table (default: the model's only table)
  --index I            a global or local secondary index of the table
  --filter "A OP V"    filter, repeatable (AND): "status = open", "total between 10 and 20", "email exists"
  --projection a,b     only these attributes
  --consistent         strongly consistent read (table and local indexes only)

${READ_USAGE}

${CONNECTION_USAGE}`;

export const scanCommand: Command = {
  name: 'scan',
  summary: 'Scan a table or index (filter, projection, limit; --all streams every page)',
  usage: USAGE,
  options: { ...CONNECTION_OPTIONS, ...READ_OPTIONS, ...AD_HOC_OPTIONS },
  async run({ values, positionals }, io) {
    const file = singleFile(positionals, USAGE);
    const flags = readFlags(values);
    const { model } = await loadModelFile(file, io);
    const table = selectOneTable(model, stringOption(values, 'table'));
    const request = buildAdHocScan(model, { table: table.name, ...adHocRead(values), ...(flags.limit !== undefined && { limit: flags.limit }) });
    let items = 0;
    const write = itemWriter(io, flags.plain);
    const summary = await withConnection(values, io, (connection) =>
      streamOperation(connection, request, { ...flags, signal: io.signal }, async (page) => {
        items += page.length;
        await write(page);
      }));
    writeSummary(io, summary, items);
    return EXIT.OK;
  },
};
