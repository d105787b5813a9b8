import { utf8Length } from '../model/item-size.js';
import type { Projection, Table } from '../model/schema.js';
import { MAX_KEY_NAME_BYTES } from './names.js';
import type { PathSegment, RuleContext } from './rule-context.js';

export const MAX_GSIS = 20;
export const MAX_LSIS = 5;
export const MAX_PROJECTED_ATTRIBUTES = 100;

function checkProjection(
  context: RuleContext,
  projection: Projection,
  path: PathSegment[],
  indexName: string,
  isLsi: boolean,
): void {
  const names = projection.nonKeyAttributes;
  if (names && names.length > 0 && projection.type !== 'INCLUDE') {
    context.report(
      'projection-nonkey-without-include',
      'error',
      [...path, 'nonKeyAttributes'],
      `Index "${indexName}" lists nonKeyAttributes but its projection type is ${projection.type}; DynamoDB accepts them only with INCLUDE.`,
      'Set the projection type to INCLUDE, or remove nonKeyAttributes.',
    );
  }
  if (projection.type === 'INCLUDE' && (!names || names.length === 0)) {
    context.report(
      'projection-include-empty',
      'warning',
      path,
      `Index "${indexName}" has projection INCLUDE with no nonKeyAttributes, which projects only the keys.`,
      'List the attributes to project, or use KEYS_ONLY.',
    );
  }
  const seen = new Set<string>();
  (names ?? []).forEach((name, i) => {
    if (seen.has(name)) {
      context.report(
        'projection-attribute-duplicate',
        'error',
        [...path, 'nonKeyAttributes', i],
        `Index "${indexName}" projects "${name}" twice.`,
        'Remove the repeated name.',
      );
    }
    seen.add(name);
    if (isLsi && utf8Length(name) > MAX_KEY_NAME_BYTES) {
      context.report(
        'projection-attribute-name-too-long',
        'error',
        [...path, 'nonKeyAttributes', i],
        `The projected attribute name "${name.slice(0, 40)}…" is ${utf8Length(name)} UTF-8 bytes; names projected into a local secondary index may have at most ${MAX_KEY_NAME_BYTES}.`,
        'Shorten the attribute name.',
      );
    }
  });
}

/** The total of INCLUDE nonKeyAttributes over all indexes of the table (a name in two indexes counts twice). */
function checkProjectionQuota(context: RuleContext, table: Table, path: PathSegment[]): void {
  const parts: string[] = [];
  let total = 0;
  for (const index of [...(table.globalSecondaryIndexes ?? []), ...(table.localSecondaryIndexes ?? [])]) {
    if (index.projection.type !== 'INCLUDE') continue;
    const count = index.projection.nonKeyAttributes?.length ?? 0;
    total += count;
    if (count > 0) parts.push(`${index.name}: ${count}`);
  }
  if (total > MAX_PROJECTED_ATTRIBUTES) {
    context.report(
      'projection-quota',
      'error',
      path,
      `Table "${table.name}" projects ${total} nonKeyAttributes across its indexes (${parts.join(', ')}); DynamoDB allows at most ${MAX_PROJECTED_ATTRIBUTES} in total.`,
      'Project fewer attributes, or use ALL for indexes that need most of them (ALL and KEYS_ONLY do not count).',
    );
  }
}

/** Secondary-index rules: quotas, LSI requirements, projections, throughput on on-demand tables. */
export function checkIndexes(context: RuleContext): void {
  context.model.tables.forEach((table, t) => {
    const tablePath: PathSegment[] = ['tables', t];
    const gsis = table.globalSecondaryIndexes ?? [];
    const lsis = table.localSecondaryIndexes ?? [];
    if (gsis.length > MAX_GSIS) {
      context.report(
        'gsi-quota',
        'error',
        [...tablePath, 'globalSecondaryIndexes'],
        `Table "${table.name}" has ${gsis.length} global secondary indexes; the default quota is ${MAX_GSIS} per table (adjustable).`,
        'Overload fewer GSIs with generic keys (gsi1pk/gsi1sk), or request a quota increase in Service Quotas before creating the table.',
      );
    }
    if (lsis.length > MAX_LSIS) {
      context.report(
        'lsi-quota',
        'error',
        [...tablePath, 'localSecondaryIndexes'],
        `Table "${table.name}" has ${lsis.length} local secondary indexes; DynamoDB allows at most ${MAX_LSIS} (a hard limit).`,
        'Turn some of them into global secondary indexes.',
      );
    }
    gsis.forEach((gsi, i) => {
      const path = [...tablePath, 'globalSecondaryIndexes', i];
      if (gsi.sortKey && gsi.sortKey.name === gsi.partitionKey.name) {
        context.report(
          'index-key-same-name',
          'error',
          [...path, 'sortKey', 'name'],
          `Index "${gsi.name}" uses "${gsi.partitionKey.name}" as both partition and sort key.`,
          'Pick a different sort key attribute, or none.',
        );
      }
      if (gsi.throughput && table.billing.mode === 'on-demand') {
        context.report(
          'gsi-throughput-on-demand',
          'error',
          [...path, 'throughput'],
          `Index "${gsi.name}" sets throughput, but table "${table.name}" is on-demand; DynamoDB rejects throughput for indexes of on-demand tables.`,
          'Remove the throughput, or switch the table to provisioned billing.',
        );
      }
      checkProjection(context, gsi.projection, [...path, 'projection'], gsi.name, false);
    });
    lsis.forEach((lsi, i) => {
      const path = [...tablePath, 'localSecondaryIndexes', i];
      if (!table.sortKey) {
        context.report(
          'lsi-needs-sort-key',
          'error',
          path,
          `Index "${lsi.name}" is a local secondary index, but table "${table.name}" has no sort key; DynamoDB allows LSIs only on tables with a sort key.`,
          'Give the table a sort key, or make this a global secondary index.',
        );
      }
      if (lsi.sortKey.name === table.partitionKey.name) {
        context.report(
          'index-key-same-name',
          'error',
          [...path, 'sortKey', 'name'],
          `Index "${lsi.name}" uses the table's partition key "${lsi.sortKey.name}" as its sort key; an LSI shares the table's partition key, so its sort key must be another attribute.`,
          'Pick another attribute as the LSI sort key.',
        );
      } else if (table.sortKey && lsi.sortKey.name === table.sortKey.name) {
        context.report(
          'lsi-same-sort-key',
          'warning',
          [...path, 'sortKey', 'name'],
          `Index "${lsi.name}" has the same sort key as the table, so it serves nothing the table does not.`,
          'Give the LSI a different sort key attribute, or remove it.',
        );
      }
      checkProjection(context, lsi.projection, [...path, 'projection'], lsi.name, true);
    });
    if (lsis.length > 0) {
      context.report(
        'lsi-item-collection-limit',
        'warning',
        [...tablePath, 'localSecondaryIndexes'],
        `Table "${table.name}" has local secondary indexes, so all items with the same partition key value (plus their LSI entries) must stay under 10 GB; writes beyond fail with ItemCollectionSizeLimitExceededException.`,
        'Make sure no partition key value collects unbounded data, or use global secondary indexes instead (they have no such limit). LSIs can only be created with the table.',
      );
    }
    checkProjectionQuota(context, table, tablePath);
  });
}
