// CreateTable for a model table (keys and GSIs, on-demand), waiting until ACTIVE: the seeding benchmark's setup.
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';

const keySchema = (pk, sk) => [
  { AttributeName: pk.name, KeyType: 'HASH' },
  ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' }] : []),
];

export async function createTable(client, table) {
  const definitions = new Map();
  for (const k of [
    table.partitionKey,
    table.sortKey,
    ...(table.globalSecondaryIndexes ?? []).flatMap((g) => [g.partitionKey, g.sortKey]),
  ]) {
    if (k) definitions.set(k.name, k.type);
  }
  await client.send(
    new CreateTableCommand({
      TableName: table.name,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: keySchema(table.partitionKey, table.sortKey),
      AttributeDefinitions: [...definitions].map(([AttributeName, AttributeType]) => ({
        AttributeName,
        AttributeType,
      })),
      GlobalSecondaryIndexes: table.globalSecondaryIndexes?.length
        ? table.globalSecondaryIndexes.map((g) => ({
            IndexName: g.name,
            KeySchema: keySchema(g.partitionKey, g.sortKey),
            Projection: { ProjectionType: g.projection.type },
          }))
        : undefined,
    }),
  );
  for (;;) {
    const out = await client.send(new DescribeTableCommand({ TableName: table.name }));
    if (out.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 10));
  }
}
