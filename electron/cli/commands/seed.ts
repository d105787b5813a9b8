import { MonotableError, isMonotableError } from '../../../shared/errors/monotable-error.js';
import { planSeed } from '../../../shared/seed/plan-seed.js';
import type { SeedOptions } from '../../../shared/seed/seed-types.js';
import { call } from '../api.js';
import { singleFile, stringOption } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, withConnection } from '../connection-flags.js';
import { loadModelFile } from '../load-model.js';
import { dryRun } from './seed-dry-run.js';
import { seedProgressPrinter } from './seed-progress-printer.js';

const USAGE = `Usage: monotable seed FILE (--embedded | --endpoint URL | --profile P --region R) [--table T]
                      [--scale N | --count ENTITY=N ...] [--seed S] [--locale L] [--concurrency N]
       monotable seed FILE --dry-run [-o ITEMS.jsonl] [--table T] [--scale N | --count ENTITY=N ...] [--seed S] [--locale L]

Writes related fake items from the model's generators: each entity's seed.count (times --scale), children per
parent from seed.perParent, references filled with the ids of the parents generated, keys rendered from the
templates. The same FILE and options always produce the same items (Faker with a fixed seed).
Item and key sizes are checked in UTF-8 bytes and duplicate keys are found before anything is sent.
Progress goes to stderr; the summary is one JSON object on the last line of stdout
({"planned", "written", "failed", "skippedExisting", "unknown", "seconds", ...}).

A re-run writes only what is missing: when the table is not empty at the start, each batch's keys are looked up
first (BatchGetItem, keys only) and items already there are skipped (counted in skippedExisting).

Options:
  --table T            the table to seed (needed when the model has several)
  --scale N            multiply the entity counts (children per parent stay as modelled), default 1
  --count ENTITY=N     exactly N items of ENTITY (repeatable); not scaled
  --seed S             Faker seed (whole number), default 1
  --locale L           Faker locale (en, de, fr, ja, pt_BR, ...), default en
  --concurrency N      BatchWriteItem requests in flight, 1-64, default 8
  --confirm TABLE      production connections: confirm the writes by typing the table name
  --dry-run            write nothing to a table: print the planned items as JSON lines (DynamoDB JSON)
  -o, --output FILE    with --dry-run: write the items to FILE instead of stdout

Exit codes: 0 every planned item is in the table, 1 some items failed or the seed was cancelled (the summary lists
them; run again to write the rest), 2 the seed could not run or the connection failed.

${CONNECTION_USAGE}`;

function wholeNumber(text: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new MonotableError('BAD_INPUT', `${flag} "${text}" is not a whole number from ${min} to ${max}.`, {
      hint: `e.g. ${flag} ${Math.max(min, 1)}`,
    });
  }
  return n;
}

function seedOptions(values: Record<string, unknown>): SeedOptions {
  const options: SeedOptions = {};
  const table = stringOption(values, 'table');
  if (table !== undefined) options.table = table;
  const scale = stringOption(values, 'scale');
  if (scale !== undefined) {
    const n = Number(scale);
    if (!Number.isFinite(n) || n < 0)
      throw new MonotableError('BAD_INPUT', `--scale "${scale}" is not a number ≥ 0.`, { hint: 'e.g. --scale 10' });
    options.scale = n;
  }
  const counts = Array.isArray(values.count) ? (values.count as string[]) : [];
  if (counts.length > 0) {
    options.counts = {};
    for (const entry of counts) {
      const match = /^([^=]+)=(\d+)$/.exec(entry);
      if (!match)
        throw new MonotableError('BAD_INPUT', `--count "${entry}" is not ENTITY=N.`, {
          hint: 'e.g. --count Message=500',
        });
      options.counts[match[1]!] = Number(match[2]);
    }
  }
  const seed = wholeNumber(stringOption(values, 'seed'), '--seed', -(2 ** 31), 2 ** 32 - 1);
  if (seed !== undefined) options.seed = seed;
  const locale = stringOption(values, 'locale');
  if (locale !== undefined) options.locale = locale;
  return options;
}

export const seedCommand: Command = {
  name: 'seed',
  usage: USAGE,
  options: {
    ...CONNECTION_OPTIONS,
    table: { type: 'string' },
    scale: { type: 'string' },
    count: { type: 'string', multiple: true },
    seed: { type: 'string' },
    locale: { type: 'string' },
    concurrency: { type: 'string' },
    'dry-run': { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    confirm: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    const file = singleFile(positionals, USAGE);
    const options = seedOptions(values);
    const concurrency = wholeNumber(stringOption(values, 'concurrency'), '--concurrency', 1, 64);
    const output = stringOption(values, 'output');
    const confirm = stringOption(values, 'confirm');
    if (output !== undefined && values['dry-run'] !== true) {
      throw new MonotableError('BAD_INPUT', '-o/--output only goes with --dry-run.', {
        hint: 'Add --dry-run to write the planned items to a file instead of a table.',
      });
    }
    const { model } = await loadModelFile(file, io);
    // The plan through the contract first: every rule of the seed options is checked there, for every door.
    const plan = await call('seed.plan', { model, ...options, sample: 0 });
    for (const note of plan.notes)
      io.stderr.write(`${note.severity}: ${note.message}${note.hint ? ` (${note.hint})` : ''}\n`);
    io.stderr.write(
      `plan: ${plan.planned.toLocaleString('en-US')} items in ${plan.table} (${plan.counts.map((c) => `${c.entity} ${c.count}`).join(', ')}), seed ${plan.seed}, locale ${plan.locale}\n`,
    );

    if (values['dry-run'] === true) {
      const summary = await dryRun(planSeed(model, options), output, io);
      io.stdout.write(`${JSON.stringify(summary)}\n`);
      return summary.failed > 0 ? EXIT.FINDINGS : EXIT.OK;
    }

    const printer = seedProgressPrinter(io.stderr);
    try {
      const summary = await withConnection(values, io, ({ connectionId }) =>
        call(
          'seed.run',
          {
            model,
            ...options,
            connectionId,
            ...(concurrency !== undefined && { concurrency }),
            ...(confirm !== undefined && { confirm }),
          },
          { signal: io.signal, onEvent: (p) => printer.update(p) },
        ),
      );
      printer.done();
      const n = (x: number): string => x.toLocaleString('en-US');
      if (summary.cancelled) {
        io.stderr.write(
          `cancelled: ${n(summary.written)} of ${n(summary.planned)} items written${summary.unknown ? `, ${n(summary.unknown)} in flight (outcome unknown)` : ''}; run the same command again to write the rest.\n`,
        );
      } else if (summary.failed > 0) {
        io.stderr.write(
          `${n(summary.failed)} of ${n(summary.planned)} items were not written (reasons in "failures" of the summary); fix the cause and run the same command again to write only those.\n`,
        );
      }
      io.stdout.write(`${JSON.stringify(summary)}\n`);
      return summary.written + summary.skippedExisting === summary.planned ? EXIT.OK : EXIT.FINDINGS;
    } catch (error) {
      printer.done();
      if (isMonotableError(error) && error.details.summary)
        io.stdout.write(`${JSON.stringify(error.details.summary)}\n`);
      throw error;
    }
  },
};
