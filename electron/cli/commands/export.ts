import { lstat, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MonotableError, isMonotableError } from '../../../shared/errors/monotable-error.js';
import { EXPORT_FORMATS, exportModel } from '../../../shared/formats/export.js';
import { validate } from '../../../shared/rules/validate.js';
import { choiceOption, singleFile, stringOption } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { formatDiagnostic } from '../format-diagnostics.js';
import { loadModelFile } from '../load-model.js';
import { writeFilesAtomic } from '../write-output.js';

const usage = `Usage: monotable export FILE --format FORMAT [--table NAME] [-o OUT]

FILE is a Monotable model, a NoSQL Workbench file or a CloudFormation template (detected by content).
Formats:
  create-table          CreateTable JSON for \`aws dynamodb create-table --cli-input-json file://OUT\` (one table)
  cloudformation-json   AWS::DynamoDB::Table resources (JSON)
  cloudformation-yaml   the same in YAML
  workbench             NoSQL Workbench model, format 3.0
  typescript            one function per access pattern (AWS SDK v3, lib-dynamodb)
  python                one function per access pattern (boto3)
  boto3-schema-load     a script that creates the table(s) on http://localhost:8000, or on AWS with \`prod\`

Options:
  --format FORMAT    one of the formats above (required)
  --table NAME       the table to export; required for create-table when the model has several tables
  -o, --output OUT   write to OUT (atomically) instead of stdout
  --force            write OUT over an existing file even when the model has validation errors

TTL: DynamoDB turns TTL on with a separate UpdateTimeToLive call. For create-table with -o OUT, that document
is written next to OUT as OUT.ttl.json (OUT's .json replaced by .ttl.json) for
\`aws dynamodb update-time-to-live --cli-input-json file://OUT.ttl.json\`; on stdout, the command to run is
printed to stderr instead, so stdout stays exactly one CreateTable document.

Exit status: 0 done, 2 failure (unreadable file, unknown format, missing --table, ...).`;

/** Errors about the model (a --table it does not have) name the file they are about. */
function inFile<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (isMonotableError(error) && !error.details.file)
      throw new MonotableError(error.code, error.message, { ...error.details, file });
    throw error;
  }
}

async function isRegularFile(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isFile();
  } catch {
    return false;
  }
}

/** `table.json` → `table.ttl.json`; `out` → `out.ttl.json`. */
export function ttlPath(out: string): string {
  return out.endsWith('.json') ? `${out.slice(0, -'.json'.length)}.ttl.json` : `${out}.ttl.json`;
}

export const exportCommand: Command = {
  name: 'export',
  usage,
  options: {
    format: { type: 'string' },
    table: { type: 'string' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const path = singleFile(positionals, usage);
    const format = choiceOption(values, 'format', EXPORT_FORMATS);
    if (!format) {
      throw new MonotableError('BAD_INPUT', 'Say which format to write with --format.', {
        hint: `One of: ${EXPORT_FORMATS.join(', ')}.`,
      });
    }
    const { model, notes } = await loadModelFile(path, io);
    for (const note of notes) io.stderr.write(`note: ${formatDiagnostic(note)}\n`);
    const result = inFile(path, () => exportModel(model, format, { table: stringOption(values, 'table') }));
    const errors = validate(model).filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      io.stderr.write(
        `warning: the model has ${errors.length} validation error${errors.length === 1 ? '' : 's'} (first: ${errors[0]!.path}: ${errors[0]!.message}); fix them before relying on this export. Run \`monotable validate ${path}\`.\n`,
      );
    }
    const out = stringOption(values, 'output');
    if (out === undefined) {
      io.stdout.write(result.text);
      if (result.timeToLive !== undefined) {
        const compact = JSON.stringify(JSON.parse(result.timeToLive));
        io.stderr.write(
          `note: the table has TTL; after create-table run:\n  aws dynamodb update-time-to-live --cli-input-json '${compact}'\n`,
        );
      }
      return EXIT.OK;
    }
    const written = resolve(io.cwd, out);
    // An export of a model with errors does not replace a file that may hold a good one, unless told to.
    if (errors.length > 0 && values['force'] !== true && (await isRegularFile(written))) {
      throw new MonotableError(
        'BAD_INPUT',
        `${out} already exists and the model has ${errors.length} validation error${errors.length === 1 ? '' : 's'}; it was left as it was.`,
        { file: out, hint: 'Fix the errors (`monotable validate`), or add --force to replace the file anyway.' },
      );
    }
    const ttlFile = ttlPath(written);
    const files = [{ path: written, text: result.text, ...(result.executable === true && { mode: 0o755 }) }];
    if (result.timeToLive !== undefined) files.push({ path: ttlFile, text: result.timeToLive });
    // The CreateTable document and its TTL document are one pair: both are written, or neither.
    await writeFilesAtomic(files, { overwrite: true });
    if (result.timeToLive !== undefined) {
      io.stderr.write(
        `The table has TTL: wrote the UpdateTimeToLive document to ${ttlFile}\n  run after create-table: aws dynamodb update-time-to-live --cli-input-json file://${ttlFile}\n`,
      );
    } else if (format === 'create-table' && (await isRegularFile(ttlFile))) {
      // A TTL document beside OUT from an earlier export of another table would be applied to this one: remove it.
      await rm(ttlFile, { force: true });
      io.stderr.write(`removed ${ttlFile}: it belonged to an earlier export (this table has no TTL)\n`);
    }
    return EXIT.OK;
  },
};
