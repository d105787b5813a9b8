import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import type { SeedPlan } from '../../../shared/seed/seed-types.js';
import { toMonotableError } from '../connections/aws-errors.js';
import type { OpenConnection } from '../connections/connection.js';
import { assertConfirmed } from '../connections/guards.js';

/** Before writing: the connection may write, the table exists, is ACTIVE, and has the model's primary key. */
export async function preflight(
  connection: OpenConnection,
  plan: SeedPlan,
  signal: AbortSignal,
  confirm?: string,
): Promise<void> {
  assertConfirmed(connection, plan.table, confirm, `Seeding table "${plan.table}"`);
  let described;
  try {
    described = await connection.client.send(new DescribeTableCommand({ TableName: plan.table }), {
      abortSignal: signal,
    });
  } catch (error) {
    throw toMonotableError(error, { table: plan.table, operation: 'DescribeTable', connection });
  }
  const status = described.Table?.TableStatus;
  if (status !== 'ACTIVE') {
    throw new MonotableError(
      'TABLE_NOT_ACTIVE',
      `Table "${plan.table}" is ${status ?? 'in an unknown state'}, not ACTIVE.`,
      { hint: 'Wait until it is ACTIVE (`monotable create` waits), then seed again.' },
    );
  }
  const schema = described.Table?.KeySchema ?? [];
  const live = ['HASH', 'RANGE'].flatMap((type) =>
    schema.filter((k) => k.KeyType === type).map((k) => k.AttributeName ?? ''),
  );
  if (live.join(',') !== plan.keyNames.join(',')) {
    throw new MonotableError(
      'VALIDATION',
      `Table "${plan.table}" has primary key (${live.join(', ')}), but the model says (${plan.keyNames.join(', ')}).`,
      {
        hint: '`monotable drift` lists the differences; drop and re-create the table, or fix the model.',
      },
    );
  }
  const definitions = new Map(
    (described.Table?.AttributeDefinitions ?? []).map((d) => [d.AttributeName, d.AttributeType]),
  );
  const liveTypes = live.map((name) => definitions.get(name) ?? '?');
  if (plan.keyTypes && liveTypes.join(',') !== plan.keyTypes.join(',')) {
    const show = (types: readonly string[]) => live.map((name, i) => `${name} ${types[i]}`).join(', ');
    throw new MonotableError(
      'VALIDATION',
      `Table "${plan.table}" has primary key types (${show(liveTypes)}), but the model says (${show(plan.keyTypes)}); nothing was written.`,
      { hint: '`monotable drift` lists the differences; drop and re-create the table, or fix the model.' },
    );
  }
}
