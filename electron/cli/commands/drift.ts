import type { Difference } from '../../../shared/api/methods/table.js';
import { selectTables } from '../../../shared/model/find-table.js';
import { call } from '../api.js';
import { singleFile, stringOption } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, withConnection } from '../connection-flags.js';
import { loadModelFile } from '../load-model.js';
import { progressPrinter } from './table-progress-printer.js';

interface TableDrift {
  table: string;
  added: string[];
  differences: Difference[];
}

export const driftCommand: Command = {
  name: 'drift',
  usage: `Usage: monotable drift FILE (--embedded | --endpoint URL | --profile P --region R) [--table T] [--json] [--fix]

Lists how each live table differs from the model, one line per difference with its location.
Exit code 0: no drift; 1: drift found; 2: failure.

Options:
  --table T   only this table of the model
  --json      print {tables:[{table, added, differences:[{path, kind, expected, actual, message, fixable}]}]}
  --fix       create missing global secondary indexes (one UpdateTable each), then report what is left

${CONNECTION_USAGE}`,
  options: { ...CONNECTION_OPTIONS, table: { type: 'string' }, json: { type: 'boolean' }, fix: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const { model } = await loadModelFile(singleFile(positionals, this.usage), io);
    const tables = selectTables(model, stringOption(values, 'table'));
    const report = await withConnection(values, io, async (connection) => {
      const out: TableDrift[] = [];
      const { connectionId } = connection;
      for (const table of tables) {
        const options = { signal: io.signal, onEvent: progressPrinter(io.stderr) };
        const added =
          values.fix === true
            ? (await call('table.addMissingIndexes', { connectionId, model, table: table.name }, options)).added
            : [];
        const { differences } = await call('table.drift', { connectionId, model, table: table.name }, options);
        out.push({ table: table.name, added, differences });
      }
      if (!connection.capabilities.ttl)
        io.stderr.write('note: TTL not compared: not supported by the embedded engine\n');
      return out;
    });
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify({ tables: report })}\n`);
    } else {
      for (const { table, added, differences } of report) {
        for (const index of added) io.stdout.write(`${table}: added index ${index}\n`);
        if (differences.length === 0) io.stdout.write(`${table}: matches the model\n`);
        for (const d of differences)
          io.stdout.write(`${table} ${d.path}: ${d.message}${d.fixable ? ' (--fix adds it)' : ''}\n`);
      }
    }
    return report.some((t) => t.differences.length > 0) ? EXIT.FINDINGS : EXIT.OK;
  },
};
