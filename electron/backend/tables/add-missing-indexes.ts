import { UpdateTableCommand, type AttributeDefinition, type GlobalSecondaryIndex } from '@aws-sdk/client-dynamodb';
import { createTableDocuments } from '../../../shared/formats/create-table.js';
import type { Model } from '../../../shared/model/schema.js';
import { toMonotableError } from '../connections/aws-errors.js';
import type { OpenConnection } from '../connections/connection.js';
import { assertWritable } from '../connections/guards.js';
import { describeTable } from './describe-table.js';
import { selectOneTable } from './select-tables.js';
import type { TableWorkOptions } from './table-progress.js';
import { waitForActive } from './wait-for-active.js';

/**
 * Creates the model's GSIs that the live table lacks, one UpdateTable each (AWS allows one index creation per
 * update), waiting until the table and the new index are ACTIVE in between. Index definitions come from
 * `createTableDocuments`, so they match what `monotable create` would have made.
 */
export async function addMissingIndexes(connection: OpenConnection, model: Model, tableName: string | undefined, options: TableWorkOptions = {}): Promise<string[]> {
  assertWritable(connection, 'Adding indexes');
  const table = selectOneTable(model, tableName);
  const live = await describeTable(connection, table.name, options);
  const present = new Set((live.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
  const document = createTableDocuments(model, table.name).createTable as {
    AttributeDefinitions?: AttributeDefinition[];
    GlobalSecondaryIndexes?: GlobalSecondaryIndex[];
  };
  const definitions = new Map((document.AttributeDefinitions ?? []).map((d) => [d.AttributeName, d]));
  const added: string[] = [];
  for (const gsi of document.GlobalSecondaryIndexes ?? []) {
    if (!gsi.IndexName || present.has(gsi.IndexName)) continue;
    const keyNames = (gsi.KeySchema ?? []).map((k) => k.AttributeName);
    const attributeDefinitions = keyNames.map((name) => definitions.get(name)).filter((d): d is AttributeDefinition => d !== undefined);
    options.onProgress?.({ table: table.name, phase: 'indexing', index: gsi.IndexName, elapsedMs: 0, message: `creating index ${gsi.IndexName} on ${table.name}` });
    try {
      await connection.client.send(
        new UpdateTableCommand({ TableName: table.name, AttributeDefinitions: attributeDefinitions, GlobalSecondaryIndexUpdates: [{ Create: gsi }] }),
        { abortSignal: options.signal },
      );
    } catch (error) {
      throw toMonotableError(error, { table: table.name, operation: `UpdateTable (create index ${gsi.IndexName})`, connection });
    }
    await waitForActive(connection, table.name, options);
    added.push(gsi.IndexName);
  }
  return added;
}
