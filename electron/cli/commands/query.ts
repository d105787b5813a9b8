import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { SORT_OPERATORS, type SortOperator } from '../../../shared/model/schema.js';
import { parseFilter } from '../../../shared/operations/parse-filter.js';
import { call } from '../api.js';
import { choiceOption, singleFile, stringOption } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, withConnection } from '../connection-flags.js';
import { loadModelFile } from '../load-model.js';
import { READ_OPTIONS, READ_USAGE, readFlags, readInput, streamToStdout, writeSummary } from './read-output.js';

const USAGE = `Usage: monotable query FILE [--table T] [--index I] --pk VALUE [--sk-op OP --sk VALUE [--sk2 VALUE]] [--filter "A OP V"] [--projection a,b] [--desc] [--consistent] (connection)

Queries a table or index of the model ad hoc; key attribute names and types come from the model.

Options:
  --table T            the table (default: the model's only table)
  --index I            a global or local secondary index of the table
  --pk VALUE           partition key value (numbers as text, binary as base64)
  --sk-op OP           sort key operator: ${SORT_OPERATORS.join(' ')}
  --sk VALUE           sort key value (--sk2 HIGH for between)
  --filter "A OP V"    filter, repeatable (AND): "status = open", "total between 10 and 20", "email exists"
  --projection a,b     only these attributes
  --desc               newest (highest sort key) first
  --consistent         strongly consistent read (table and local indexes only)

${READ_USAGE}

${CONNECTION_USAGE}`;

/** The options \`query\` and \`scan\` share besides paging. */
export const AD_HOC_OPTIONS = {
  table: { type: 'string' },
  index: { type: 'string' },
  filter: { type: 'string', multiple: true },
  projection: { type: 'string' },
  consistent: { type: 'boolean' },
} as const;

export function adHocRead(values: Record<string, unknown>): {
  table?: string;
  index?: string;
  filters: ReturnType<typeof parseFilter>[];
  projection?: string[];
  consistentRead: boolean;
} {
  const projection = stringOption(values, 'projection')
    ?.split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const index = stringOption(values, 'index');
  const table = stringOption(values, 'table');
  return {
    ...(table !== undefined && { table }),
    ...(index !== undefined && { index }),
    filters: (Array.isArray(values.filter) ? (values.filter as string[]) : []).map(parseFilter),
    ...(projection?.length && { projection }),
    consistentRead: values.consistent === true,
  };
}

export const queryCommand: Command = {
  name: 'query',
  usage: USAGE,
  options: {
    ...CONNECTION_OPTIONS,
    ...READ_OPTIONS,
    ...AD_HOC_OPTIONS,
    pk: { type: 'string' },
    'sk-op': { type: 'string' },
    sk: { type: 'string' },
    sk2: { type: 'string' },
    desc: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const file = singleFile(positionals, USAGE);
    const flags = readFlags(values);
    const pk = stringOption(values, 'pk');
    if (pk === undefined)
      throw new MonotableError('BAD_INPUT', 'A query needs the partition key value: --pk VALUE.', {
        hint: 'To read everything use `monotable scan`.',
      });
    const operator = choiceOption<SortOperator>(values, 'sk-op', SORT_OPERATORS);
    const sk = stringOption(values, 'sk');
    if ((operator === undefined) !== (sk === undefined))
      throw new MonotableError('BAD_INPUT', '--sk-op and --sk go together.', {
        hint: 'e.g. --sk-op begins_with --sk ORDER#',
      });
    const sk2 = stringOption(values, 'sk2');
    const { model } = await loadModelFile(file, io);
    const { summary, items } = await withConnection(values, io, ({ connectionId }) =>
      streamToStdout(io, flags.plain, async (onEvent) => {
        const output = await call(
          'operation.query',
          {
            connectionId,
            model,
            partition: pk,
            ...adHocRead(values),
            descending: values.desc === true,
            ...(operator !== undefined &&
              sk !== undefined && { sort: { operator, value: sk, ...(sk2 !== undefined && { to: sk2 }) } }),
            ...readInput(flags),
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
