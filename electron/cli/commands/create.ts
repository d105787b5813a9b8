import { call } from '../api.js';
import { singleFile, stringOption } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, withConnection } from '../connection-flags.js';
import { loadModelFile } from '../load-model.js';
import { progressPrinter } from './table-progress-printer.js';

export const createCommand: Command = {
  name: 'create',
  usage: `Usage: monotable create FILE (--embedded | --endpoint URL | --profile P --region R) [--table T] [--if-not-exists]

Creates each table of the model (or only --table T) from its CreateTable JSON, waits until the table and its
indexes are ACTIVE, then enables TTL where the engine supports it.

Options:
  --table T          only this table of the model
  --if-not-exists    an existing table is skipped and compared with the model instead of an error
  --force            create even when the model has validation errors (refused by default)

${CONNECTION_USAGE}`,
  options: {
    ...CONNECTION_OPTIONS,
    table: { type: 'string' },
    'if-not-exists': { type: 'boolean' },
    force: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const { model } = await loadModelFile(singleFile(positionals, this.usage), io);
    const table = stringOption(values, 'table');
    const { tables: results } = await withConnection(values, io, ({ connectionId }) =>
      call(
        'table.create',
        {
          connectionId,
          model,
          ...(table !== undefined && { table }),
          ifNotExists: values['if-not-exists'] === true,
          ...(values['force'] === true && { force: true }),
        },
        { signal: io.signal, onEvent: progressPrinter(io.stderr) },
      ),
    );
    for (const result of results) {
      if (result.outcome === 'created') {
        io.stdout.write(`created ${result.table} (ACTIVE after ${result.seconds.toFixed(1)} s)\n`);
      } else {
        const drift = result.drift ?? [];
        io.stdout.write(
          `exists ${result.table}: ${drift.length === 0 ? 'matches the model' : `${drift.length} difference(s) from the model`}\n`,
        );
        for (const d of drift) io.stdout.write(`  ${d.path}: ${d.message}\n`);
      }
      for (const note of result.notes) io.stdout.write(`  note: ${note}\n`);
    }
    return EXIT.OK;
  },
};
