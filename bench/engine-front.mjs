// The embedded engine's front (transactions, limits, locks in front of dynalite) against plain dynalite, both in a
// child process of their own: batch-write throughput, transactions per second, and the parse of a nested condition.
// Run: npm run build:node && node bench/engine-front.mjs [--items 20000]
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  ScanCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { createEndpointClient } from '../dist/electron/backend/connections/local-client.js';
import { startEngine } from '../dist/electron/backend/engine/start-engine.js';

const itemsFlag = process.argv.indexOf('--items');
const items = itemsFlag > 0 ? Number(process.argv[itemsFlag + 1]) : 20_000;

async function plainDynalite() {
  const script = new URL('./plain-dynalite-child.cjs', import.meta.url).pathname;
  const child = fork(script, [], { cwd: new URL('..', import.meta.url).pathname });
  const port = await new Promise((resolve) => child.once('message', resolve));
  return { endpoint: `http://127.0.0.1:${port}`, stop: async () => child.kill('SIGKILL') };
}

async function run(name, engine) {
  const client = createEndpointClient(engine.endpoint);
  await client.send(
    new CreateTableCommand({
      TableName: 'Bench',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  const batches = Array.from({ length: items / 25 }, (_, b) =>
    Array.from({ length: 25 }, (_, i) => ({
      PutRequest: { Item: { pk: { S: `item-${b}-${i}` }, name: { S: `name ${i}` }, n: { N: String(i) } } },
    })),
  );
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        await client.send(new BatchWriteItemCommand({ RequestItems: { Bench: batch } }));
      }
    }),
  );
  const batchRate = items / ((performance.now() - started) / 1000);
  let transactions = 'n/a (unknown operation)';
  try {
    const count = 2_000;
    let done = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        while (done < count) {
          done++;
          await client.send(
            new TransactWriteItemsCommand({
              TransactItems: [`a${w}`, `b${w}`].map((pk) => ({
                Update: {
                  TableName: 'Bench',
                  Key: { pk: { S: pk } },
                  UpdateExpression: 'ADD n :one',
                  ExpressionAttributeValues: { ':one': { N: '1' } },
                },
              })),
            }),
          );
        }
      }),
    );
    transactions = `${Math.round(count / ((performance.now() - t0) / 1000))} transactions/s (2 updates each)`;
  } catch (error) {
    if (error.name !== 'UnknownOperationException') throw error;
  }
  let nested = 'i = :v';
  for (let level = 0; level < 8; level++) nested = `(i${level} = :v AND ${nested})`;
  const t1 = performance.now();
  await client.send(
    new ScanCommand({
      TableName: 'Bench',
      Limit: 1,
      FilterExpression: nested,
      ExpressionAttributeValues: { ':v': { S: 'x' } },
    }),
  );
  const parseMs = performance.now() - t1;
  console.log(
    `${name}: batch writes ${Math.round(batchRate)} items/s (${items} items, concurrency 8); ${transactions}; ` +
      `a Scan with 8 nested (x AND (...)) levels ${parseMs.toFixed(0)} ms`,
  );
  client.destroy();
}

console.log(
  `${new Date().toISOString()} load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const plain = await plainDynalite();
await run('plain dynalite 4.0.0', plain);
await plain.stop();
const engine = await startEngine({ createTableMs: 5 });
await run('Monotable engine     ', engine);
await engine.stop();
