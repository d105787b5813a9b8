import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableDocuments } from '../../shared/formats/create-table.js';
import { importWorkbench } from '../../shared/formats/workbench/import-workbench.js';
import type { Model, Table } from '../../shared/model/schema.js';
import { startTestEngine } from '../support/engine.js';
import { hasTool } from '../support/tools.js';
import { WORKBENCH_CORPUS, workbenchCorpusFiles } from '../support/workbench-corpus.js';

/**
 * The exported CreateTable JSON fed to a real, independent client: Debian's AWS CLI v2 against the embedded
 * engine. dynalite drops TableClass and DeletionProtectionEnabled (dynamodb-rules.md §2), so those are not
 * expected back from describe-table; everything that defines the table's shape is.
 */
const AWS = '/usr/bin/aws';
const hasAws = hasTool('the AWS CLI', existsSync(AWS), 'apt-get install awscli');
if (!hasAws) console.warn(`Skipping the awscli CreateTable tests: ${AWS} is not installed (apt-get install awscli).`);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function aws(args: string[]): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
  };
  delete env.AWS_PROFILE;
  delete env.AWS_SESSION_TOKEN;
  return new Promise((resolve) => {
    execFile(AWS, args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const base = { entities: [], accessPatterns: [] };
const shop: Table = {
  ...base,
  name: 'shop-orders',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  billing: {
    mode: 'provisioned',
    read: 7,
    write: 3,
    autoScaling: { minRead: 1, maxRead: 50, minWrite: 1, maxWrite: 20, targetUtilization: 70 },
  },
  globalSecondaryIndexes: [
    {
      name: 'by-customer',
      partitionKey: { name: 'customer_id', type: 'S' },
      sortKey: { name: 'created_at', type: 'N' },
      projection: { type: 'INCLUDE', nonKeyAttributes: ['total', 'status'] },
      throughput: { read: 4, write: 2 },
    },
    { name: 'by-status', partitionKey: { name: 'status_key', type: 'S' }, projection: { type: 'KEYS_ONLY' } },
  ],
  localSecondaryIndexes: [
    {
      name: 'by-total',
      sortKey: { name: 'total_cents', type: 'N' },
      projection: { type: 'INCLUDE', nonKeyAttributes: ['status'] },
    },
    { name: 'by-created', sortKey: { name: 'created_at', type: 'N' }, projection: { type: 'ALL' } },
  ],
  ttlAttribute: 'expires_at',
  stream: 'NEW_AND_OLD_IMAGES',
  encryption: { type: 'aws-managed' },
  tableClass: 'STANDARD_INFREQUENT_ACCESS',
  deletionProtection: true,
  tags: { team: 'shop', env: 'dev' },
};
const sessions: Table = {
  ...base,
  name: 'sessions',
  partitionKey: { name: 'session_id', type: 'B' },
  billing: { mode: 'on-demand' },
  globalSecondaryIndexes: [
    { name: 'by-user', partitionKey: { name: 'user_id', type: 'S' }, projection: { type: 'ALL' } },
  ],
  encryption: { type: 'aws-owned' },
};
const model: Model = { format: 'monotable/1', name: 'awscli-check', tables: [shop, sessions] };

type Described = {
  Table: {
    KeySchema: unknown[];
    AttributeDefinitions: { AttributeName: string; AttributeType: string }[];
    BillingModeSummary?: { BillingMode: string };
    ProvisionedThroughput: { ReadCapacityUnits: number; WriteCapacityUnits: number };
    GlobalSecondaryIndexes?: {
      IndexName: string;
      KeySchema: unknown[];
      Projection: unknown;
      ProvisionedThroughput: { ReadCapacityUnits: number; WriteCapacityUnits: number };
    }[];
    LocalSecondaryIndexes?: { IndexName: string; KeySchema: unknown[]; Projection: unknown }[];
  };
};

const byName = <T extends { AttributeName?: string; IndexName?: string }>(list: T[] | undefined): T[] =>
  [...(list ?? [])].sort((a, b) =>
    String(a.AttributeName ?? a.IndexName).localeCompare(String(b.AttributeName ?? b.IndexName)),
  );

describe.skipIf(!hasAws)('CreateTable JSON through the AWS CLI against the embedded engine', () => {
  let engine: Awaited<ReturnType<typeof startTestEngine>>;
  let dir: string;
  beforeAll(async () => {
    engine = await startTestEngine();
    dir = mkdtempSync(join(tmpdir(), 'monotable-awscli-'));
  });
  afterAll(async () => {
    await engine?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each([shop.name, sessions.name])(
    'create-table --cli-input-json for %s, then describe-table matches the model',
    async (name) => {
      const { createTable } = createTableDocuments(model, name);
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(createTable, null, 2));
      const endpoint = ['--endpoint-url', engine.engine.endpoint];
      let created = await aws([
        'dynamodb',
        'create-table',
        '--cli-input-json',
        `file://${file}`,
        ...endpoint,
        '--output',
        'json',
      ]);
      if (/Unknown parameter in input: "DeletionProtectionEnabled"/.test(created.stderr)) {
        // A CLI older than the parameter (added to CreateTable in March 2023; Debian 12 ships awscli 2.9.19): the one
        // parameter it does not know is this one, everything else was accepted. Send the rest.
        expect(created.stderr.match(/Unknown parameter/g)).toHaveLength(1);
        console.warn(`${AWS} predates DeletionProtectionEnabled; creating ${name} without it.`);
        const { DeletionProtectionEnabled: _, ...rest } = createTable;
        writeFileSync(file, JSON.stringify(rest, null, 2));
        created = await aws([
          'dynamodb',
          'create-table',
          '--cli-input-json',
          `file://${file}`,
          ...endpoint,
          '--output',
          'json',
        ]);
      }
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);

      const described = await aws([
        'dynamodb',
        'describe-table',
        '--table-name',
        name,
        ...endpoint,
        '--output',
        'json',
      ]);
      expect(described.code).toBe(0);
      const live = (JSON.parse(described.stdout) as Described).Table;
      const doc = createTable as {
        KeySchema: unknown[];
        AttributeDefinitions: { AttributeName: string }[];
        GlobalSecondaryIndexes?: { IndexName: string }[];
        LocalSecondaryIndexes?: { IndexName: string }[];
      };
      expect(live.KeySchema).toEqual(doc.KeySchema);
      expect(byName(live.AttributeDefinitions)).toEqual(byName(doc.AttributeDefinitions));
      const strip = (list: { IndexName: string; KeySchema: unknown[]; Projection: unknown }[] | undefined) =>
        byName(list).map(({ IndexName, KeySchema, Projection }) => ({ IndexName, KeySchema, Projection }));
      expect(strip(live.GlobalSecondaryIndexes)).toEqual(strip(doc.GlobalSecondaryIndexes as never));
      expect(strip(live.LocalSecondaryIndexes)).toEqual(strip(doc.LocalSecondaryIndexes as never));

      const table = model.tables.find((t) => t.name === name)!;
      if (table.billing.mode === 'provisioned') {
        expect(live.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 7, WriteCapacityUnits: 3 });
        expect(
          byName(live.GlobalSecondaryIndexes).map((g) => [
            g.IndexName,
            g.ProvisionedThroughput.ReadCapacityUnits,
            g.ProvisionedThroughput.WriteCapacityUnits,
          ]),
        ).toEqual([
          ['by-customer', 4, 2],
          ['by-status', 7, 3],
        ]);
      } else {
        expect(live.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
      }
    },
  );

  const corpusFiles = existsSync(WORKBENCH_CORPUS)
    ? workbenchCorpusFiles().map((f) => relative(WORKBENCH_CORPUS, f))
    : [];

  it.each(corpusFiles)('Workbench corpus %s: its imported tables are accepted by create-table', async (file) => {
    const { model: imported } = importWorkbench(JSON.parse(readFileSync(join(WORKBENCH_CORPUS, file), 'utf8')));
    for (const table of imported.tables) {
      const { createTable } = createTableDocuments(imported, table.name);
      const name = `wb-${file.replace(/\W+/g, '-')}-${table.name}`.slice(0, 200);
      const path = join(dir, `${name}.json`);
      writeFileSync(path, JSON.stringify({ ...createTable, TableName: name }));
      const created = await aws([
        'dynamodb',
        'create-table',
        '--cli-input-json',
        `file://${path}`,
        '--endpoint-url',
        engine.engine.endpoint,
        '--output',
        'json',
      ]);
      expect(created.stderr).toBe('');
      const live = (JSON.parse(created.stdout) as { TableDescription: Described['Table'] }).TableDescription;
      expect(live.KeySchema).toEqual(createTable.KeySchema);
      expect(live.GlobalSecondaryIndexes?.length ?? 0).toBe(table.globalSecondaryIndexes?.length ?? 0);
    }
  });

  it('the TTL document is accepted by update-time-to-live and applied by the engine', async () => {
    const { timeToLive } = createTableDocuments(model, shop.name);
    expect(timeToLive).toEqual({
      TableName: 'shop-orders',
      TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires_at' },
    });
    const file = join(dir, 'ttl.json');
    writeFileSync(file, JSON.stringify(timeToLive));
    const result = await aws([
      'dynamodb',
      'update-time-to-live',
      '--cli-input-json',
      `file://${file}`,
      '--endpoint-url',
      engine.engine.endpoint,
    ]);
    // The CLI validated the document against its API model and sent it; the engine turns TTL on.
    expect(result.stderr).not.toMatch(/Parameter validation failed|Unknown parameter|Invalid type/);
    expect(JSON.parse(result.stdout)).toEqual({
      TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires_at' },
    });
  });
});
