import { isMonotableError } from '../../../shared/errors/monotable-error.js';
import { serializeModel } from '../../../shared/model/serialize-model.js';
import { singleFile, stringOption } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { formatDiagnostic } from '../format-diagnostics.js';
import { loadModelFile } from '../load-model.js';
import { writeOutput } from '../write-output.js';

const usage = `Usage: monotable import FILE [-o OUT]

Converts a NoSQL Workbench model (any version) or a CloudFormation template (JSON or YAML) into a Monotable
model (format monotable/1), written deterministically. A Monotable model is rewritten in canonical form.

  -o, --output OUT   write the model to OUT (atomically: a failure never leaves a partial file); default stdout
  --force            replace OUT if it exists (never replaced without it)

Conversion notes (what could not be carried over) go to stderr. Exit status: 0 done, 1 the file describes something
DynamoDB refuses (the rule and the JSON path on stderr; kept as written where the model can hold it), 2 failure.`;

export const importCommand: Command = {
  name: 'import',
  usage,
  options: { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    let loaded: Awaited<ReturnType<typeof loadModelFile>>;
    try {
      loaded = await loadModelFile(singleFile(positionals, usage), io);
    } catch (error) {
      // The file says something DynamoDB refuses and the model cannot hold (a BOOL key): a finding, exit 1.
      if (!isMonotableError(error) || error.code !== 'MODEL_INVALID') throw error;
      io.stderr.write(
        `error [${error.code}] ${error.details.path ?? ''}: ${error.message}\n  hint: ${error.details.hint ?? ''}\n`,
      );
      return EXIT.FINDINGS;
    }
    const { model, kind, notes } = loaded;
    const text = serializeModel(model);
    const written = await writeOutput(text, stringOption(values, 'output'), io, {
      overwrite: values['force'] === true,
    });
    for (const note of notes) io.stderr.write(`note: ${formatDiagnostic(note)}\n`);
    const tables = model.tables.length;
    io.stderr.write(
      `${kind === 'monotable' ? 'Rewrote a Monotable model' : `Imported a ${kind === 'workbench' ? 'NoSQL Workbench model' : 'CloudFormation template'}`}: ${tables} table${tables === 1 ? '' : 's'}${written ? ` → ${written}` : ''}.\n`,
    );
    // Kept as written, but DynamoDB refuses it (e.g. NonKeyAttributes on a KEYS_ONLY index): a model with errors.
    return notes.some((n) => n.severity === 'error') ? EXIT.FINDINGS : EXIT.OK;
  },
};
