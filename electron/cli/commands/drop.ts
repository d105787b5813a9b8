import { deleteTable } from '../../backend/tables/delete-table.js';
import { selectOneTable } from '../../backend/tables/select-tables.js';
import { EXIT, type Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, withConnection } from '../connection-flags.js';
import { loadModelFile } from '../load-model.js';
import { progressPrinter } from './table-progress-printer.js';

export const dropCommand: Command = {
  name: 'drop',
  usage: `Usage: monotable drop FILE (--embedded | --endpoint URL | --profile P --region R) --table T [--confirm T]

Deletes the table T of the model and waits until it is gone. A connection marked --production needs
--confirm with the exact table name; a table with deletion protection is never deleted.

Options:
  --table T      the table to delete (required)
  --confirm T    the table name again (required with --production)

${CONNECTION_USAGE}`,
  options: { ...CONNECTION_OPTIONS, table: { type: 'string' }, confirm: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (!file || positionals.length > 1 || typeof values.table !== 'string') {
      io.stderr.write(`error [BAD_INPUT]: give one model FILE and --table T.\n\n${this.usage}\n`);
      return EXIT.FAILURE;
    }
    const { model } = await loadModelFile(file, io);
    const table = selectOneTable(model, values.table);
    const result = await withConnection(values, io, (connection) =>
      deleteTable(connection, table.name, {
        confirm: typeof values.confirm === 'string' ? values.confirm : undefined,
        model,
        signal: io.signal,
        onProgress: progressPrinter(io.stderr),
      }),
    );
    io.stdout.write(`deleted ${result.table} (${result.seconds.toFixed(1)} s)\n`);
    return EXIT.OK;
  },
};
