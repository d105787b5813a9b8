import { TEMPLATES } from '../../../shared/templates/index.js';
import { EXIT, type Command } from '../command.js';

const usage = `Usage: monotable templates [--json]

Lists the built-in model templates. Start from one with: monotable new --template NAME -o FILE

  --json   print name, title and description of each as a JSON array`;

export const templatesCommand: Command = {
  name: 'templates',
  usage,
  options: { json: { type: 'boolean' } },
  async run({ values }, io) {
    const list = TEMPLATES.map(({ name, title, description }) => ({ name, title, description }));
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      return EXIT.OK;
    }
    const width = Math.max(...list.map((t) => t.name.length));
    for (const t of list) io.stdout.write(`${t.name.padEnd(width)}  ${t.title}: ${t.description}\n`);
    return EXIT.OK;
  },
};
