import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { call } from '../api.js';
import { singleFile, stringOption } from '../arguments.js';
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
    const file = singleFile(positionals, this.usage);
    const tableName = stringOption(values, 'table');
    if (tableName === undefined) {
      throw new MonotableError('BAD_INPUT', 'Name the table to delete.', {
        hint: 'Add --table T (one of the tables of the model).',
      });
    }
    const { model } = await loadModelFile(file, io);
    const confirm = stringOption(values, 'confirm');
    const result = await withConnection(values, io, ({ connectionId }) =>
      call(
        'table.delete',
        { connectionId, table: tableName, model, ...(confirm !== undefined && { confirm }) },
        { signal: io.signal, onEvent: progressPrinter(io.stderr) },
      ),
    );
    io.stdout.write(`deleted ${result.table} (${result.seconds.toFixed(1)} s)\n`);
    return EXIT.OK;
  },
};
