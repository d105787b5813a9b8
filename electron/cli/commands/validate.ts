import { hasErrors } from '../../../shared/model/diagnostic.js';
import { validate } from '../../../shared/rules/validate.js';
import { singleFile } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { countLine, formatDiagnostic, sortDiagnostics } from '../format-diagnostics.js';
import { loadModelFile } from '../load-model.js';

const usage = `Usage: monotable validate FILE [--json]

Checks a Monotable model (or a NoSQL Workbench file / CloudFormation template, detected by content) against
DynamoDB's hard limits, the model's own consistency and design lints.

Output: one line per finding, "severity code path: message", its hint below, then a count line.
  --json   print the findings as one JSON array on stdout (conversion notes still go to stderr)

Exit status: 0 no errors (warnings allowed), 1 the model has errors, 2 the file cannot be read or parsed,
or the arguments are wrong.`;

export const validateCommand: Command = {
  name: 'validate',
  usage,
  options: { json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const { model, notes } = await loadModelFile(singleFile(positionals, usage), io);
    for (const note of notes) io.stderr.write(`note: ${formatDiagnostic(note)}\n`);
    const diagnostics = sortDiagnostics(validate(model));
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify(diagnostics, null, 2)}\n`);
    } else {
      for (const d of diagnostics) io.stdout.write(`${formatDiagnostic(d)}\n`);
      io.stdout.write(`${countLine(diagnostics)}\n`);
    }
    return hasErrors(diagnostics) ? EXIT.FINDINGS : EXIT.OK;
  },
};
