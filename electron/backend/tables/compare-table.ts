import type { KeySchemaElement, Projection as LiveProjection, TableDescription } from '@aws-sdk/client-dynamodb';
import type { Difference } from '../../../shared/api/methods/table.js';
import type { KeyAttribute, Projection, Table } from '../../../shared/model/schema.js';

/**
 * One way a live table differs from the model, with a path-like location (`gsi[by-user].projection`); `fixable`:
 * `monotable drift --fix` can repair it (a missing GSI). The api's schema is the one definition.
 */
export type { Difference };

export interface LiveExtras {
  /** TTL attribute when enabled (or enabling); undefined when disabled; omit the field to skip the check. */
  ttlAttribute?: string | undefined;
  checkTtl: boolean;
  checkStream: boolean;
  checkDeletionProtection: boolean;
}

function keyText(key: KeyAttribute | undefined): string | undefined {
  return key ? `${key.name} (${key.type})` : undefined;
}

function liveKey(
  schema: KeySchemaElement[] | undefined,
  type: 'HASH' | 'RANGE',
  types: Map<string, string>,
): string | undefined {
  const name = schema?.find((k) => k.KeyType === type)?.AttributeName;
  return name ? `${name} (${types.get(name) ?? '?'})` : undefined;
}

function projectionText(projection: Projection): string {
  const extra = projection.type === 'INCLUDE' ? ` [${[...(projection.nonKeyAttributes ?? [])].sort().join(', ')}]` : '';
  return `${projection.type}${extra}`;
}

function liveProjectionText(projection: LiveProjection | undefined): string {
  const type = projection?.ProjectionType ?? 'ALL';
  const extra = type === 'INCLUDE' ? ` [${[...(projection?.NonKeyAttributes ?? [])].sort().join(', ')}]` : '';
  return `${type}${extra}`;
}

function compareValue(
  out: Difference[],
  path: string,
  what: string,
  expected: string | undefined,
  actual: string | undefined,
  fixable = false,
): void {
  if (expected === actual) return;
  const kind = expected === undefined ? 'extra' : actual === undefined ? 'missing' : 'changed';
  const message =
    kind === 'missing'
      ? `${what}: the model has ${expected}, the live table has none`
      : kind === 'extra'
        ? `${what}: the live table has ${actual}, the model has none`
        : `${what}: the model has ${expected}, the live table has ${actual}`;
  out.push({
    path,
    kind,
    ...(expected !== undefined ? { expected } : {}),
    ...(actual !== undefined ? { actual } : {}),
    message,
    fixable,
  });
}

function liveBilling(live: TableDescription): string {
  const mode =
    live.BillingModeSummary?.BillingMode ??
    ((live.ProvisionedThroughput?.ReadCapacityUnits ?? 0) > 0 ? 'PROVISIONED' : 'PAY_PER_REQUEST');
  if (mode === 'PAY_PER_REQUEST') return 'on-demand';
  return `provisioned ${live.ProvisionedThroughput?.ReadCapacityUnits ?? 0} RCU / ${live.ProvisionedThroughput?.WriteCapacityUnits ?? 0} WCU`;
}

function modelBilling(table: Table): string {
  return table.billing.mode === 'on-demand'
    ? 'on-demand'
    : `provisioned ${table.billing.read} RCU / ${table.billing.write} WCU`;
}

/** Compares a live DescribeTable result with the model's table: keys, types, GSIs, LSIs, projections, billing, TTL. */
export function compareTable(table: Table, live: TableDescription, extras: LiveExtras): Difference[] {
  const out: Difference[] = [];
  const types = new Map((live.AttributeDefinitions ?? []).map((d) => [d.AttributeName ?? '', d.AttributeType ?? '?']));
  compareValue(
    out,
    'table.partitionKey',
    'partition key',
    keyText(table.partitionKey),
    liveKey(live.KeySchema, 'HASH', types),
  );
  compareValue(out, 'table.sortKey', 'sort key', keyText(table.sortKey), liveKey(live.KeySchema, 'RANGE', types));
  compareValue(out, 'table.billing', 'billing', modelBilling(table), liveBilling(live));

  const liveGsis = new Map((live.GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName ?? '', g]));
  for (const gsi of table.globalSecondaryIndexes ?? []) {
    const found = liveGsis.get(gsi.name);
    const path = `gsi[${gsi.name}]`;
    if (!found) {
      out.push({
        path,
        kind: 'missing',
        expected: gsi.name,
        message: `global secondary index ${gsi.name} is in the model but not in the live table`,
        fixable: true,
      });
      continue;
    }
    liveGsis.delete(gsi.name);
    compareValue(
      out,
      `${path}.partitionKey`,
      `${gsi.name} partition key`,
      keyText(gsi.partitionKey),
      liveKey(found.KeySchema, 'HASH', types),
    );
    compareValue(
      out,
      `${path}.sortKey`,
      `${gsi.name} sort key`,
      keyText(gsi.sortKey),
      liveKey(found.KeySchema, 'RANGE', types),
    );
    compareValue(
      out,
      `${path}.projection`,
      `${gsi.name} projection`,
      projectionText(gsi.projection),
      liveProjectionText(found.Projection),
    );
  }
  for (const name of liveGsis.keys()) {
    out.push({
      path: `gsi[${name}]`,
      kind: 'extra',
      actual: name,
      message: `global secondary index ${name} exists on the live table but not in the model`,
      fixable: false,
    });
  }

  const liveLsis = new Map((live.LocalSecondaryIndexes ?? []).map((l) => [l.IndexName ?? '', l]));
  for (const lsi of table.localSecondaryIndexes ?? []) {
    const found = liveLsis.get(lsi.name);
    const path = `lsi[${lsi.name}]`;
    if (!found) {
      out.push({
        path,
        kind: 'missing',
        expected: lsi.name,
        message: `local secondary index ${lsi.name} is in the model but not in the live table (LSIs can only be created with the table)`,
        fixable: false,
      });
      continue;
    }
    liveLsis.delete(lsi.name);
    compareValue(
      out,
      `${path}.sortKey`,
      `${lsi.name} sort key`,
      keyText(lsi.sortKey),
      liveKey(found.KeySchema, 'RANGE', types),
    );
    compareValue(
      out,
      `${path}.projection`,
      `${lsi.name} projection`,
      projectionText(lsi.projection),
      liveProjectionText(found.Projection),
    );
  }
  for (const name of liveLsis.keys()) {
    out.push({
      path: `lsi[${name}]`,
      kind: 'extra',
      actual: name,
      message: `local secondary index ${name} exists on the live table but not in the model`,
      fixable: false,
    });
  }

  if (extras.checkTtl) compareValue(out, 'table.ttl', 'TTL attribute', table.ttlAttribute, extras.ttlAttribute);
  if (extras.checkStream) {
    const stream = live.StreamSpecification?.StreamEnabled ? live.StreamSpecification.StreamViewType : undefined;
    compareValue(out, 'table.stream', 'stream', table.stream, stream);
  }
  if (extras.checkDeletionProtection) {
    compareValue(
      out,
      'table.deletionProtection',
      'deletion protection',
      String(table.deletionProtection === true),
      String(live.DeletionProtectionEnabled === true),
    );
  }
  return out;
}
