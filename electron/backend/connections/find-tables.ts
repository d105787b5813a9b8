import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import type { OpenConnection } from './connection.js';
import { createEndpointClient } from './local-client.js';

/**
 * Access key ids that the AWS docs and popular tools use with DynamoDB Local (its docs' `fakeMyKeyId`, LocalStack's
 * `test`, the docs' example key, and the usual placeholders). DynamoDB Local keeps one set of tables per access key id
 * and Region unless started with -sharedDb, so tables made by a tool with another of these are invisible here.
 */
export const COMMON_ACCESS_KEYS = ['fakeMyKeyId', 'local', 'dummy', 'test', 'AKIAIOSFODNN7EXAMPLE', 'x'] as const;
/** Regions tried besides the connection's own: the SDKs' and tools' usual defaults, and DynamoDB Local's `local`. */
export const COMMON_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'local'] as const;

export interface TablesElsewhere {
  accessKeyId: string;
  region: string;
  /** Tables listed there (the first page, up to 100). */
  tableCount: number;
  /** More than one page of tables. */
  more: boolean;
  /** A few of their names, to recognise them. */
  names: string[];
}

const PER_REQUEST_MS = 2_000;
const IN_FLIGHT = 6;

/**
 * Looks for tables under the other common access key / Region pairs of a DynamoDB Local or LocalStack endpoint (one
 * ListTables each, a single try, a few at a time), for "this endpoint lists no tables". Pairs with tables come back
 * with their count, most tables first. Only endpoint connections: on AWS the key is an identity, not a partition.
 */
export async function findTablesElsewhere(
  connection: OpenConnection,
  signal?: AbortSignal,
): Promise<{ tried: { accessKeyIds: string[]; regions: string[] }; found: TablesElsewhere[] }> {
  if (connection.spec.kind !== 'endpoint') {
    throw new MonotableError(
      'BAD_INPUT',
      'Only DynamoDB Local / LocalStack endpoints keep tables per access key id and region.',
      { hint: 'On AWS the tables of a Region are the same for every key of the account: check the Region instead.' },
    );
  }
  const url = connection.spec.url;
  const keys = [...new Set([connection.accessKeyId ?? 'local', ...COMMON_ACCESS_KEYS])];
  const regions = [...new Set([connection.region, ...COMMON_REGIONS])];
  const pairs = keys
    .flatMap((accessKeyId) => regions.map((region) => ({ accessKeyId, region })))
    .filter((p) => !(p.accessKeyId === connection.accessKeyId && p.region === connection.region));
  const found: TablesElsewhere[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pairs.length && !signal?.aborted) {
      const pair = pairs[next++]!;
      const client = createEndpointClient(url, { ...pair, maxAttempts: 1 });
      try {
        const out = await client.send(new ListTablesCommand({ Limit: 100 }), {
          abortSignal: signal
            ? AbortSignal.any([signal, AbortSignal.timeout(PER_REQUEST_MS)])
            : AbortSignal.timeout(PER_REQUEST_MS),
        });
        const names = out.TableNames ?? [];
        if (names.length > 0) {
          found.push({
            ...pair,
            tableCount: names.length,
            more: out.LastEvaluatedTableName !== undefined,
            names: names.slice(0, 5),
          });
        }
      } catch {
        // a pair the endpoint refuses or does not answer has nothing to offer
      } finally {
        client.destroy();
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const order = (p: { accessKeyId: string; region: string }) =>
    pairs.findIndex((q) => q.accessKeyId === p.accessKeyId && q.region === p.region);
  found.sort((a, b) => b.tableCount - a.tableCount || order(a) - order(b));
  return { tried: { accessKeyIds: keys, regions }, found };
}
