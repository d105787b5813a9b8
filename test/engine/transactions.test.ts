import {
  CreateTableCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactGetItemsCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rejection } from '../support/rejection.js';
import { startTestEngine, type TestEngine } from '../support/engine.js';

/** The error a request fails with (an SDK service exception). */
const failure = async (promise: Promise<unknown>): Promise<Error> => (await rejection(promise)) as Error;

let engine: TestEngine;
let client: DynamoDBClient;

const s = (value: string) => ({ S: value });
const n = (value: number) => ({ N: String(value) });
const key = (pk: string, sk = 'A') => ({ pk: s(pk), sk: s(sk) });

async function item(pk: string, sk = 'A') {
  return (await client.send(new GetItemCommand({ TableName: 'Txn', Key: key(pk, sk), ConsistentRead: true }))).Item;
}

beforeAll(async () => {
  engine = await startTestEngine();
  client = engine.client;
  for (const TableName of ['Txn', 'Other']) {
    await client.send(
      new CreateTableCommand({
        TableName,
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'gpk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byGroup',
            KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
});
afterAll(() => engine.stop());

describe('TransactWriteItems on the embedded engine', () => {
  test('all actions apply together, across tables, indexes included', async () => {
    await client.send(new PutItemCommand({ TableName: 'Txn', Item: { ...key('del'), gpk: s('g1') } }));
    await client.send(new PutItemCommand({ TableName: 'Txn', Item: { ...key('upd'), count: n(1) } }));
    await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: 'Txn', Item: { ...key('new'), gpk: s('g1') } } },
          { Delete: { TableName: 'Txn', Key: key('del') } },
          {
            Update: {
              TableName: 'Txn',
              Key: key('upd'),
              UpdateExpression: 'ADD #c :one',
              ExpressionAttributeNames: { '#c': 'count' },
              ExpressionAttributeValues: { ':one': n(1) },
            },
          },
          { Put: { TableName: 'Other', Item: key('elsewhere') } },
        ],
      }),
    );
    expect(await item('new')).toEqual({ ...key('new'), gpk: s('g1') });
    expect(await item('del')).toBeUndefined();
    expect((await item('upd'))?.count).toEqual(n(2));
    const byGroup = await client.send(
      new QueryCommand({
        TableName: 'Txn',
        IndexName: 'byGroup',
        KeyConditionExpression: 'gpk = :g',
        ExpressionAttributeValues: { ':g': s('g1') },
      }),
    );
    expect(byGroup.Items?.map((i) => i.pk?.S)).toEqual(['new']);
  });

  test('one failed condition cancels everything, with one reason per action in request order', async () => {
    await client.send(new PutItemCommand({ TableName: 'Txn', Item: { ...key('guard'), state: s('closed') } }));
    const error = await failure(
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: 'Txn', Item: key('never') } },
            {
              ConditionCheck: {
                TableName: 'Txn',
                Key: key('guard'),
                ConditionExpression: '#s = :open',
                ExpressionAttributeNames: { '#s': 'state' },
                ExpressionAttributeValues: { ':open': s('open') },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
            {
              Put: {
                TableName: 'Txn',
                Item: key('also-never'),
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
          ],
        }),
      ),
    );
    expect(error).toBeInstanceOf(TransactionCanceledException);
    const cancelled = error as TransactionCanceledException;
    expect(cancelled.message).toBe(
      'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, ConditionalCheckFailed]',
    );
    expect(cancelled.CancellationReasons).toEqual([
      { Code: 'None' },
      {
        Code: 'ConditionalCheckFailed',
        Message: 'The conditional request failed',
        Item: { ...key('guard'), state: s('closed') },
      },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
    ]);
    expect(await item('never')).toBeUndefined();
    expect(await item('also-never')).toBeUndefined();
  });

  test('a write that fails while applying (wrong operand type) undoes the ones before it', async () => {
    await client.send(new PutItemCommand({ TableName: 'Txn', Item: { ...key('text'), label: s('x') } }));
    await client.send(new PutItemCommand({ TableName: 'Txn', Item: { ...key('keep'), v: n(1), gpk: s('g2') } }));
    const error = (await failure(
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: 'Txn', Item: { ...key('keep'), v: n(2), gpk: s('g3') } } },
            {
              Update: {
                TableName: 'Txn',
                Key: key('text'),
                UpdateExpression: 'ADD label :one',
                ExpressionAttributeValues: { ':one': n(1) },
              },
            },
          ],
        }),
      ),
    )) as TransactionCanceledException;
    expect(error.name).toBe('TransactionCanceledException');
    expect(error.CancellationReasons?.map((r) => r.Code)).toEqual(['None', 'ValidationError']);
    expect(await item('keep')).toEqual({ ...key('keep'), v: n(1), gpk: s('g2') });
    const g3 = await client.send(
      new QueryCommand({
        TableName: 'Txn',
        IndexName: 'byGroup',
        KeyConditionExpression: 'gpk = :g',
        ExpressionAttributeValues: { ':g': s('g3') },
      }),
    );
    expect(g3.Items).toEqual([]);
  });

  test('two actions on one item, more than 100 actions, no actions: ValidationException, nothing written', async () => {
    const twice = await failure(
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: 'Txn', Item: key('twice') } },
            {
              ConditionCheck: { TableName: 'Txn', Key: key('twice'), ConditionExpression: 'attribute_not_exists(pk)' },
            },
          ],
        }),
      ),
    );
    expect(twice.name).toBe('ValidationException');
    expect(twice.message).toBe('Transaction request cannot include multiple operations on one item');
    const many: TransactWriteItem[] = Array.from({ length: 101 }, (_, i) => ({
      Put: { TableName: 'Txn', Item: key(`many-${i}`) },
    }));
    const tooMany = await failure(client.send(new TransactWriteItemsCommand({ TransactItems: many })));
    expect(tooMany.name).toBe('ValidationException');
    expect(tooMany.message).toContain('less than or equal to 100');
    const hundred = await client.send(new TransactWriteItemsCommand({ TransactItems: many.slice(0, 100) }));
    expect(hundred.$metadata.httpStatusCode).toBe(200);
    expect(await item('many-99')).toBeDefined();
    expect(await item('many-100')).toBeUndefined();
    const none = await failure(client.send(new TransactWriteItemsCommand({ TransactItems: [] })));
    expect(none.name).toBe('ValidationException');
    expect(await item('twice')).toBeUndefined();
  });

  test('more than 4 MB in all: ValidationException', async () => {
    const big = 'x'.repeat(350_000);
    const items: TransactWriteItem[] = Array.from({ length: 13 }, (_, i) => ({
      Put: { TableName: 'Txn', Item: { ...key(`big-${i}`), big: s(big) } },
    }));
    const error = await failure(client.send(new TransactWriteItemsCommand({ TransactItems: items })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toContain('4 MB');
    expect(await item('big-0')).toBeUndefined();
  });

  test('ClientRequestToken: a repeat within the window changes nothing; other parameters → IdempotentParameterMismatch', async () => {
    const request = {
      ClientRequestToken: 'token-1',
      TransactItems: [
        {
          Update: {
            TableName: 'Txn',
            Key: key('idem'),
            UpdateExpression: 'ADD #c :one',
            ExpressionAttributeNames: { '#c': 'count' },
            ExpressionAttributeValues: { ':one': n(1) },
          },
        },
      ],
    };
    await client.send(new TransactWriteItemsCommand(request));
    await client.send(new TransactWriteItemsCommand(request));
    expect((await item('idem'))?.count).toEqual(n(1));
    const changed = await failure(
      client.send(
        new TransactWriteItemsCommand({
          ...request,
          TransactItems: [{ Put: { TableName: 'Txn', Item: key('idem-other') } }],
        }),
      ),
    );
    expect(changed.name).toBe('IdempotentParameterMismatchException');
    expect(await item('idem-other')).toBeUndefined();
  });
});

describe('TransactGetItems on the embedded engine', () => {
  test('reads in request order, {} for a missing item, projections applied', async () => {
    await client.send(new PutItemCommand({ TableName: 'Txn', Item: { ...key('g-a'), v: n(1), w: n(2) } }));
    const result = await client.send(
      new TransactGetItemsCommand({
        TransactItems: [
          { Get: { TableName: 'Txn', Key: key('g-missing') } },
          { Get: { TableName: 'Txn', Key: key('g-a'), ProjectionExpression: 'v' } },
        ],
      }),
    );
    expect(result.Responses).toEqual([{}, { Item: { v: n(1) } }]);
  });

  test('two gets of one item: ValidationException', async () => {
    const error = await failure(
      client.send(
        new TransactGetItemsCommand({
          TransactItems: [
            { Get: { TableName: 'Txn', Key: key('g-a') } },
            { Get: { TableName: 'Txn', Key: key('g-a') } },
          ],
        }),
      ),
    );
    expect(error.name).toBe('ValidationException');
  });
});

describe('isolation', () => {
  test('concurrent increments through transactions and plain UpdateItem give exact totals; no reader sees half a transaction', async () => {
    const increment = (pk: string) => ({
      Update: {
        TableName: 'Txn',
        Key: key(pk),
        UpdateExpression: 'ADD #c :one',
        ExpressionAttributeNames: { '#c': 'count' },
        ExpressionAttributeValues: { ':one': n(1) },
      },
    });
    const torn: string[] = [];
    let running = true;
    const reader = (async () => {
      while (running) {
        const [a, b] = await Promise.all([
          client.send(
            new TransactGetItemsCommand({
              TransactItems: [
                { Get: { TableName: 'Txn', Key: key('left') } },
                { Get: { TableName: 'Txn', Key: key('right') } },
              ],
            }),
          ),
          client.send(
            new QueryCommand({
              TableName: 'Txn',
              KeyConditionExpression: 'pk = :p',
              ExpressionAttributeValues: { ':p': s('left') },
            }),
          ),
        ]);
        const left = Number(a.Responses?.[0]?.Item?.count?.N ?? 0);
        const right = Number(a.Responses?.[1]?.Item?.count?.N ?? 0);
        // Transactions move both counters together; plain updates only touch 'solo'.
        if (left !== right) torn.push(`${left}/${right}`);
        void b;
      }
    })();
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) {
      work.push(client.send(new TransactWriteItemsCommand({ TransactItems: [increment('left'), increment('right')] })));
      work.push(client.send(new UpdateItemCommand(increment('solo').Update)));
      work.push(
        client.send(new TransactWriteItemsCommand({ TransactItems: [increment('solo'), increment(`side-${i}`)] })),
      );
    }
    await Promise.all(work);
    running = false;
    await reader;
    expect((await item('left'))?.count).toEqual(n(60));
    expect((await item('right'))?.count).toEqual(n(60));
    expect((await item('solo'))?.count).toEqual(n(120));
    expect(torn).toEqual([]);
  });

  test('conditions are checked and applied with nothing in between: of 40 racing claims exactly one wins', async () => {
    const claims = Array.from({ length: 40 }, (_, i) =>
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: {
                TableName: 'Txn',
                Item: { ...key('claim'), owner: n(i) },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: 'Txn', Item: { ...key('claimant', String(i)), won: s('yes') } } },
          ],
        }),
      ),
    );
    const outcomes = await Promise.allSettled(claims);
    const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    expect((await item('claim'))?.owner).toEqual(n(won[0]!));
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect((outcome.reason as Error).name).toBe('TransactionCanceledException');
    }
    const claimants = await client.send(
      new QueryCommand({
        TableName: 'Txn',
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': s('claimant') },
      }),
    );
    expect(claimants.Items?.map((i) => i.sk?.S)).toEqual([String(won[0])]);
  });
});
