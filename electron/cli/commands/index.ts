import type { Command } from '../command.js';

/** A verb as `--help` lists it; its module (and what it imports: the AWS SDK, Faker, dynalite) loads only when it runs. */
export interface CommandEntry {
  name: string;
  /** One line for `monotable --help`. */
  summary: string;
  load(): Promise<Command>;
}

/** Every `monotable` verb, in the order `--help` lists them. Adding a verb is one file here and one entry. */
export const commands: CommandEntry[] = [
  {
    name: 'validate',
    summary: 'Check a model against DynamoDB limits and design rules (exit 1 on errors)',
    load: async () => (await import('./validate.js')).validateCommand,
  },
  {
    name: 'patterns',
    summary: 'List each access pattern and the operation (Get / Query on an index / Scan) that serves it',
    load: async () => (await import('./patterns.js')).patternsCommand,
  },
  {
    name: 'preview',
    summary: "Run an access pattern over the model's sample items (no engine): the items it returns and what it reads",
    load: async () => (await import('./preview.js')).previewCommand,
  },
  {
    name: 'estimate',
    summary: 'Item sizes, read/write units per pattern (GSI writes included) and the monthly cost, with the price date',
    load: async () => (await import('./estimate.js')).estimateCommand,
  },
  {
    name: 'export',
    summary: 'Write CreateTable JSON, CloudFormation, Workbench, or TypeScript/Python code for a model',
    load: async () => (await import('./export.js')).exportCommand,
  },
  {
    name: 'import',
    summary: 'Convert a NoSQL Workbench file or CloudFormation template into a Monotable model',
    load: async () => (await import('./import.js')).importCommand,
  },
  {
    name: 'templates',
    summary: 'List the built-in model templates',
    load: async () => (await import('./templates.js')).templatesCommand,
  },
  {
    name: 'new',
    summary: 'Start a model from a built-in template',
    load: async () => (await import('./new.js')).newCommand,
  },
  {
    name: 'engine',
    summary: 'Run the embedded DynamoDB engine (dynalite) on 127.0.0.1 until Ctrl-C',
    load: async () => (await import('./engine.js')).engineCommand,
  },
  {
    name: 'tables',
    summary: 'List the tables that exist on a connection',
    load: async () => (await import('./tables.js')).tablesCommand,
  },
  {
    name: 'create',
    summary: "Create the model's tables (and GSIs, LSIs, TTL) and wait until they are ACTIVE",
    load: async () => (await import('./create.js')).createCommand,
  },
  {
    name: 'drift',
    summary: 'Compare live tables with the model (keys, indexes, projections, billing, TTL); --fix adds missing GSIs',
    load: async () => (await import('./drift.js')).driftCommand,
  },
  {
    name: 'drop',
    summary: "Delete one of the model's tables (guarded: --confirm on production, deletion protection)",
    load: async () => (await import('./drop.js')).dropCommand,
  },
  {
    name: 'run',
    summary: 'Run an access pattern with parameter values; items as JSON lines, summary on stderr',
    load: async () => (await import('./run.js')).runCommand,
  },
  {
    name: 'query',
    summary: 'Query a table or index ad hoc (partition key, sort key operators, filter, projection, order)',
    load: async () => (await import('./query.js')).queryCommand,
  },
  {
    name: 'scan',
    summary: 'Scan a table or index (filter, projection, limit; --all streams every page)',
    load: async () => (await import('./scan.js')).scanCommand,
  },
  {
    name: 'seed',
    summary: 'Fill a table with related fake items from the model generators (deterministic, resumable)',
    load: async () => (await import('./seed.js')).seedCommand,
  },
  {
    name: 'serve',
    summary: 'Serve the UI in your browser on 127.0.0.1 (token-protected; files limited to one folder)',
    load: async () => (await import('./serve.js')).serveCommand,
  },
];
