import { BatchWriteItemCommand, CreateTableCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createEndpointClient } from '../../electron/backend/connections/local-client.js';
import { startEngine } from '../../electron/backend/engine/start-engine.js';

/**
 * Fills an on-disk engine store (the LevelDB folder) with table `Things` holding `items` items of ~500 bytes, through
 * a real engine. With `compact`, the engine is started once more, so the items move from the write-ahead log
 * (`*.log`) into a table file (`*.ldb`), as on any later start.
 */
export async function storeWithItems(dataDir: string, items: number, options: { compact: boolean }): Promise<void> {
  const engine = await startEngine({ dataDir, createTableMs: 5 });
  const client = createEndpointClient(engine.endpoint);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: 'Things',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1 }, { TableName: 'Things' });
    for (let i = 0; i < items; i += 25) {
      const batch = Array.from({ length: Math.min(25, items - i) }, (_, j) => ({
        PutRequest: { Item: { pk: { S: `item-${i + j}` }, body: { S: `${i + j}:`.padEnd(500, 'x') } } },
      }));
      await client.send(new BatchWriteItemCommand({ RequestItems: { Things: batch } }));
    }
  } finally {
    client.destroy();
    await engine.stop();
  }
  if (options.compact) await (await startEngine({ dataDir })).stop();
}

/** Every file of a folder with a hash of its bytes: equal snapshots mean nothing in it was changed. */
export async function folderSnapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (name === 'LOCK' || name === 'LOG' || name === 'LOG.old') continue; // LevelDB's lock and its info log
    out[name] = createHash('sha256')
      .update(await readFile(join(dir, name)))
      .digest('hex');
  }
  return out;
}

/** The one file of the folder whose name ends with `suffix` (e.g. `.log`, `.ldb`). */
export async function storeFile(dir: string, suffix: string): Promise<string> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(suffix) && !n.startsWith('LOG'));
  const withData = [];
  for (const name of names) if ((await readFile(join(dir, name))).length > 0) withData.push(name);
  if (withData.length !== 1)
    throw new Error(`expected one non-empty *${suffix} in ${dir}, found ${withData.join(', ')}`);
  return join(dir, withData[0]!);
}
