import { EXIT, type Command } from '../command.js';
import { call } from '../api.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, withConnection } from '../connection-flags.js';
import { MonotableError } from '../../../shared/errors/monotable-error.js';

const USAGE = `Usage: monotable tables (--embedded | --endpoint URL | --profile P --region R) [--json]

Lists the tables that exist on the connection (ListTables), one name per line; no model file needed.

  --json   print {"tables": [...]} instead

${CONNECTION_USAGE}`;

export const tablesCommand: Command = {
  name: 'tables',
  usage: USAGE,
  options: { ...CONNECTION_OPTIONS, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (positionals.length > 0)
      throw new MonotableError('BAD_INPUT', `Unexpected argument "${positionals[0]}".`, {
        hint: '`monotable tables` takes no file: it lists what the connection has. Drop the argument.',
      });
    const { tables } = await withConnection(values, io, ({ connectionId }) =>
      call('table.list', { connectionId }, { signal: io.signal }),
    );
    if (values.json === true) io.stdout.write(`${JSON.stringify({ tables })}\n`);
    else if (tables.length === 0) io.stderr.write('no tables\n');
    else io.stdout.write(tables.map((t) => `${t}\n`).join(''));
    return EXIT.OK;
  },
};
