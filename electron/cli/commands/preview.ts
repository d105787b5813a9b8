import { toPlainItem } from '../../../shared/operations/plain-json.js';
import { previewPattern } from '../../../shared/preview/preview-pattern.js';
import { fileAndPattern, parseParams } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { loadModelFile } from '../load-model.js';

const USAGE = `Usage: monotable preview FILE PATTERN [--param NAME=VALUE ...] [--plain] [--json]

Runs an access pattern over the model's sample items, with DynamoDB's semantics and no engine: the index's
view, the key condition, the order, Limit before the filter, the filter and the projection. A parameter left out
takes its example from the model. The items the pattern returns go to stdout as JSON lines; what it read (items
scanned, read units) goes to stderr.

Options:
  --param NAME=VALUE   a parameter of the pattern (repeat for each); \`monotable patterns FILE\` lists them
  --plain              simplified JSON (numbers beyond 2^53 as strings, sets as arrays); default: DynamoDB-typed JSON
  --json               print the whole preview (request, items, counts, read units) as one JSON object`;

export const previewCommand: Command = {
  name: 'preview',
  usage: USAGE,
  options: { param: { type: 'string', multiple: true }, plain: { type: 'boolean' }, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const [file, pattern] = fileAndPattern(positionals, USAGE);
    const params = parseParams(values);
    const { model } = await loadModelFile(file, io);
    // Design-time work runs on shared/ directly, as the renderer does (docs/decisions/0003-one-door.md).
    const preview = previewPattern(model, pattern, params);
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify(preview, null, 2)}\n`);
      return EXIT.OK;
    }
    const plain = values.plain === true;
    io.stdout.write(preview.items.map((item) => `${JSON.stringify(plain ? toPlainItem(item) : item)}\n`).join(''));
    const on = preview.indexName ? `index ${preview.indexName}` : 'the table';
    const parts = [`${preview.operation} on ${on}: ${preview.count} item(s)`];
    if (preview.scannedCount !== preview.count) parts.push(`${preview.scannedCount} scanned`);
    parts.push(`${preview.readUnits} read unit(s)`);
    const lines = [`${parts.join(', ')} (preview over the sample items, no engine)`];
    if (preview.lastEvaluatedKey)
      lines.push(`more items: the next page starts after ${JSON.stringify(preview.lastEvaluatedKey)}`);
    io.stderr.write(`${lines.join('\n')}\n`);
    return EXIT.OK;
  },
};
