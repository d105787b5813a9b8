import {
  CreateTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type UpdateTimeToLiveCommandInput,
} from '@aws-sdk/client-dynamodb';
import { createTableDocuments } from '../../../shared/formats/create-table.js';
import { isMonotableError } from '../../../shared/errors/monotable-error.js';
import type { Model } from '../../../shared/model/schema.js';
import { toMonotableError } from '../connections/aws-errors.js';
import type { OpenConnection } from '../connections/connection.js';
import { assertWritable } from '../connections/guards.js';
import { driftReport } from './drift.js';
import { selectTables } from './select-tables.js';
import type { CreatedTable } from '../../../shared/api/methods/table.js';
import type { TableWorkOptions } from './table-progress.js';
import { waitForActive } from './wait-for-active.js';

export interface CreateTablesOptions extends TableWorkOptions {
  /** Only this table of the model. */
  table?: string;
  /** An existing table is skipped (and compared with the model) instead of an error. */
  ifNotExists?: boolean;
}

/**
 * What `createTables` did for one table (the api's type): created, or `exists` with its `drift` from the model;
 * `ttl` says what happened to the model's TTL setting.
 */
export type { CreatedTable };

export const TTL_NOT_SUPPORTED = 'TTL not applied: not supported by the embedded engine';

/**
 * Creates the model's tables (CreateTable JSON from `createTableDocuments`, the one place that builds it), waits
 * until each table and its GSIs are ACTIVE, then applies TTL. An existing table is TABLE_EXISTS, or with
 * ifNotExists a skip that reports its drift from the model.
 */
export async function createTables(
  connection: OpenConnection,
  model: Model,
  options: CreateTablesOptions = {},
): Promise<CreatedTable[]> {
  assertWritable(connection, 'Creating tables');
  const results: CreatedTable[] = [];
  for (const table of selectTables(model, options.table)) {
    const started = Date.now();
    const documents = createTableDocuments(model, table.name);
    options.onProgress?.({ table: table.name, phase: 'creating', elapsedMs: 0, message: `creating ${table.name}` });
    try {
      await connection.client.send(
        new CreateTableCommand(documents.createTable as unknown as CreateTableCommandInput),
        { abortSignal: options.signal },
      );
    } catch (error) {
      const mapped = toMonotableError(error, { table: table.name, operation: 'CreateTable', connection });
      if (mapped.code === 'TABLE_EXISTS' && options.ifNotExists) {
        await waitForActive(connection, table.name, options);
        const drift = await driftReport(connection, model, table.name, options);
        results.push({
          table: table.name,
          outcome: 'exists',
          ttl: 'none',
          notes: [],
          drift,
          seconds: (Date.now() - started) / 1000,
        });
        continue;
      }
      throw mapped;
    }
    await waitForActive(connection, table.name, options);
    const notes: string[] = [];
    const ttl = documents.timeToLive
      ? await applyTtl(connection, table.name, documents.timeToLive, notes, options)
      : 'none';
    results.push({ table: table.name, outcome: 'created', ttl, notes, seconds: (Date.now() - started) / 1000 });
  }
  return results;
}

async function applyTtl(
  connection: OpenConnection,
  tableName: string,
  document: Record<string, unknown>,
  notes: string[],
  options: TableWorkOptions,
): Promise<CreatedTable['ttl']> {
  if (!connection.capabilities.ttl) {
    notes.push(TTL_NOT_SUPPORTED);
    return 'not-supported';
  }
  options.onProgress?.({ table: tableName, phase: 'ttl', elapsedMs: 0, message: `enabling TTL on ${tableName}` });
  try {
    await connection.client.send(new UpdateTimeToLiveCommand(document as unknown as UpdateTimeToLiveCommandInput), {
      abortSignal: options.signal,
    });
    return 'applied';
  } catch (error) {
    const mapped = isMonotableError(error)
      ? error
      : toMonotableError(error, { table: tableName, operation: 'UpdateTimeToLive', connection });
    if (mapped.code !== 'ENGINE_UNSUPPORTED') throw mapped;
    notes.push(`${TTL_NOT_SUPPORTED} (the endpoint answered UnknownOperation)`);
    return 'not-supported';
  }
}
