import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEndpointClient } from '../../electron/backend/connections/local-client.js';
import { startEngine } from '../../electron/backend/engine/start-engine.js';
import { startTestEngine, type TestEngine } from '../support/engine.js';
import { rejection } from '../support/rejection.js';

const failure = async (promise: Promise<unknown>): Promise<Error> => (await rejection(promise)) as Error;
const s = (value: string) => ({ S: value });
const n = (value: number) => ({ N: String(value) });

async function createSessions(client: DynamoDBClient, TableName = 'Sessions'): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'owner', AttributeType: 'S' },
      ],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byOwner',
          KeySchema: [{ AttributeName: 'owner', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 30));
}

const describeTtl = async (client: DynamoDBClient, TableName = 'Sessions') =>
  (await client.send(new DescribeTimeToLiveCommand({ TableName }))).TimeToLiveDescription;

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('UpdateTimeToLive / DescribeTimeToLive', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await startTestEngine();
    await createSessions(engine.client);
  });
  afterAll(() => engine.stop());

  test("enable, describe, DynamoDB's refusals, disable", async () => {
    const { client } = engine;
    expect(await describeTtl(client)).toEqual({ TimeToLiveStatus: 'DISABLED' });
    const enabled = await client.send(
      new UpdateTimeToLiveCommand({
        TableName: 'Sessions',
        TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
      }),
    );
    expect(enabled.TimeToLiveSpecification).toEqual({ AttributeName: 'expires', Enabled: true });
    expect(await describeTtl(client)).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expires' });
    const again = await failure(
      client.send(
        new UpdateTimeToLiveCommand({
          TableName: 'Sessions',
          TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
        }),
      ),
    );
    expect([again.name, again.message]).toEqual(['ValidationException', 'TimeToLive is already enabled']);
    const other = await failure(
      client.send(
        new UpdateTimeToLiveCommand({
          TableName: 'Sessions',
          TimeToLiveSpecification: { AttributeName: 'other', Enabled: false },
        }),
      ),
    );
    expect(other.message).toBe('TimeToLive is active on a different AttributeName: current AttributeName is expires');
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: 'Sessions',
        TimeToLiveSpecification: { AttributeName: 'expires', Enabled: false },
      }),
    );
    expect(await describeTtl(client)).toEqual({ TimeToLiveStatus: 'DISABLED' });
    const missing = await failure(client.send(new DescribeTimeToLiveCommand({ TableName: 'Nope' })));
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  test('a table deleted and created again under the same name starts without TTL', async () => {
    const { client } = engine;
    await createSessions(client, 'Again');
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: 'Again',
        TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      }),
    );
    await client.send(new DeleteTableCommand({ TableName: 'Again' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await createSessions(client, 'Again');
    expect(await describeTtl(client, 'Again')).toEqual({ TimeToLiveStatus: 'DISABLED' });
  });
});

describe('expiry', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await startTestEngine({ ttlSweepMs: 100 });
    await createSessions(engine.client);
  });
  afterAll(() => engine.stop());

  test("the sweeper deletes items whose TTL is past (indexes too), and leaves what AWS's rules leave", async () => {
    const { client } = engine;
    const now = Math.floor(Date.now() / 1000);
    const items = {
      expired: { expires: n(now - 60), owner: s('ann') },
      expiredFraction: { expires: { N: `${now - 1}.5` } },
      future: { expires: n(now + 3600), owner: s('ann') },
      text: { expires: s(String(now - 60)) },
      ancient: { expires: n(now - 6 * 366 * 86_400) },
      none: { owner: s('ann') },
      nested: { meta: { M: { expires: n(now - 60) } } },
    };
    for (const [pk, attributes] of Object.entries(items)) {
      await client.send(new PutItemCommand({ TableName: 'Sessions', Item: { pk: s(pk), ...attributes } }));
    }
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: 'Sessions',
        TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
      }),
    );
    const get = async (pk: string) =>
      (await client.send(new GetItemCommand({ TableName: 'Sessions', Key: { pk: s(pk) }, ConsistentRead: true }))).Item;
    await until(async () => (await get('expired')) === undefined && (await get('expiredFraction')) === undefined);
    for (const kept of ['future', 'text', 'ancient', 'none', 'nested']) expect(await get(kept), kept).toBeDefined();
    const byOwner = await client.send(
      new QueryCommand({
        TableName: 'Sessions',
        IndexName: 'byOwner',
        KeyConditionExpression: '#o = :o',
        ExpressionAttributeNames: { '#o': 'owner' },
        ExpressionAttributeValues: { ':o': s('ann') },
      }),
    );
    expect(byOwner.Items?.map((item) => item.pk?.S).sort()).toEqual(['future', 'none']);
  }, 20_000);

  test('reads can hide expired items not yet deleted, as AWS recommends (a filter on the TTL attribute)', async () => {
    const { client } = engine;
    const now = Math.floor(Date.now() / 1000);
    // Disabled TTL: nothing is deleted, so the filter is what hides it.
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: 'Sessions',
        TimeToLiveSpecification: { AttributeName: 'expires', Enabled: false },
      }),
    );
    await client.send(new PutItemCommand({ TableName: 'Sessions', Item: { pk: s('stale'), expires: n(now - 10) } }));
    const visible = await client.send(
      new ScanCommand({
        TableName: 'Sessions',
        FilterExpression: 'attribute_not_exists(#ttl) OR #ttl > :now',
        ExpressionAttributeNames: { '#ttl': 'expires' },
        ExpressionAttributeValues: { ':now': n(now) },
      }),
    );
    expect(visible.Items?.map((item) => item.pk?.S)).not.toContain('stale');
    expect(visible.Items?.map((item) => item.pk?.S)).toContain('future');
  });
});

describe('on disk', () => {
  test('the TTL setting survives a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'monotable-ttl-'));
    try {
      let engine = await startEngine({ dataDir: dir, createTableMs: 5 });
      let client = createEndpointClient(engine.endpoint);
      await createSessions(client);
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: 'Sessions',
          TimeToLiveSpecification: { AttributeName: 'exp', Enabled: true },
        }),
      );
      client.destroy();
      await engine.stop();
      engine = await startEngine({ dataDir: dir });
      client = createEndpointClient(engine.endpoint);
      expect(await describeTtl(client)).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'exp' });
      client.destroy();
      await engine.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
