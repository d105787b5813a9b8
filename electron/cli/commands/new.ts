import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { serializeModel } from '../../../shared/model/serialize-model.js';
import { findTemplate, templateNames } from '../../../shared/templates/index.js';
import { stringOption } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { writeOutput } from '../write-output.js';

const usage = `Usage: monotable new --template NAME [-o FILE] [--force]

Writes a built-in model template (see \`monotable templates\`) as a Monotable model file.

  --template NAME    the template to start from (required)
  -o, --output FILE  the file to write (default stdout); an existing file is never replaced without --force
  --force            replace FILE if it exists`;

export const newCommand: Command = {
  name: 'new',
  usage,
  options: { template: { type: 'string' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (positionals.length > 0) {
      throw new MonotableError('BAD_INPUT', `Unexpected argument "${positionals[0]}".`, {
        hint: 'Name the file with -o FILE.',
      });
    }
    const name = stringOption(values, 'template');
    if (name === undefined) {
      throw new MonotableError('BAD_INPUT', 'Say which template to start from with --template NAME.', {
        hint: `One of: ${templateNames().join(', ')}.`,
      });
    }
    const template = findTemplate(name);
    if (!template) {
      throw new MonotableError('NOT_FOUND', `There is no built-in template named "${name}".`, {
        hint: `One of: ${templateNames().join(', ')}.`,
      });
    }
    const written = await writeOutput(serializeModel(template.model), stringOption(values, 'output'), io, {
      overwrite: values.force === true,
    });
    if (written)
      io.stderr.write(
        `Wrote the ${template.title} model to ${written}. Next: monotable validate ${stringOption(values, 'output')}\n`,
      );
    return EXIT.OK;
  },
};
