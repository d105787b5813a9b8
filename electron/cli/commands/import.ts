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

Conversion notes (what could not be carried over) go to stderr. Exit status: 0 done, 2 failure.`;

export const importCommand: Command = {
  name: 'import',
  usage,
  options: { output: { type: 'string', short: 'o' } },
  async run({ values, positionals }, io) {
    const { model, kind, notes } = await loadModelFile(singleFile(positionals, usage), io);
    const text = serializeModel(model);
    const written = await writeOutput(text, stringOption(values, 'output'), io);
    for (const note of notes) io.stderr.write(`note: ${formatDiagnostic(note)}\n`);
    const tables = model.tables.length;
    io.stderr.write(
      `${kind === 'monotable' ? 'Rewrote a Monotable model' : `Imported a ${kind === 'workbench' ? 'NoSQL Workbench model' : 'CloudFormation template'}`}: ${tables} table${tables === 1 ? '' : 's'}${written ? ` → ${written}` : ''}.\n`,
    );
    return EXIT.OK;
  },
};
