import { UpdateTableCommand, type AttributeDefinition, type GlobalSecondaryIndex } from '@aws-sdk/client-dynamodb';
import { createTableDocuments } from '../../../shared/formats/create-table.js';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import type { Model } from '../../../shared/model/schema.js';
import { toMonotableError } from '../connections/aws-errors.js';
import type { OpenConnection } from '../connections/connection.js';
import { assertWritable } from '../connections/guards.js';
import { describeTable } from './describe-table.js';
import { selectOneTable } from './select-tables.js';
import type { TableWorkOptions } from './table-progress.js';
import { waitForActive } from './wait-for-active.js';

/** dynalite validates GSI creation in UpdateTable with an old rule (throughput required) and then ignores it. */
const DYNALITE_UPDATE_TABLE = /create\.provisionedThroughput' failed to satisfy constraint: Member must not be null/;

function unsupported(table: string, index: string): MonotableError {
  return new MonotableError(
    'ENGINE_UNSUPPORTED',
    `Adding index ${index} to the existing table "${table}" is not supported by the embedded engine (dynalite); it works on DynamoDB Local or AWS: connect with --endpoint or --profile.`,
    {
      table,
      index,
      hint: `Locally, re-create the table instead: \`monotable drop FILE --embedded --table ${table}\`, \`monotable create FILE --embedded\`, then seed again.`,
    },
  );
}

/**
 * Creates the model's GSIs that the live table lacks, one UpdateTable each (AWS allows one index creation per
 * update), waiting until the table and the new index are ACTIVE in between. Index definitions come from
 * `createTableDocuments`, so they match what `monotable create` would have made.
 */
export async function addMissingIndexes(
  connection: OpenConnection,
  model: Model,
  tableName: string | undefined,
  options: TableWorkOptions = {},
): Promise<string[]> {
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
    const attributeDefinitions = keyNames
      .map((name) => definitions.get(name))
      .filter((d): d is AttributeDefinition => d !== undefined);
    options.onProgress?.({
      table: table.name,
      phase: 'indexing',
      index: gsi.IndexName,
      elapsedMs: 0,
      message: `creating index ${gsi.IndexName} on ${table.name}`,
    });
    try {
      await connection.client.send(
        new UpdateTableCommand({
          TableName: table.name,
          AttributeDefinitions: attributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: gsi }],
        }),
        { abortSignal: options.signal },
      );
    } catch (error) {
      if (DYNALITE_UPDATE_TABLE.test((error as Error).message ?? '')) throw unsupported(table.name, gsi.IndexName);
      throw toMonotableError(error, {
        table: table.name,
        operation: `UpdateTable (create index ${gsi.IndexName})`,
        connection,
      });
    }
    const after = await waitForActive(connection, table.name, options);
    // An engine that accepts the update but ignores it (dynalite) must not look like success.
    if (!after.GlobalSecondaryIndexes?.some((g) => g.IndexName === gsi.IndexName))
      throw unsupported(table.name, gsi.IndexName);
    added.push(gsi.IndexName);
  }
  return added;
}
