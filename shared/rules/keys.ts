import { KEY_TYPES } from '../model/attribute-value.js';
import { indexViews } from '../model/indexes.js';
import type { KeyAttribute } from '../model/schema.js';
import type { PathSegment, RuleContext } from './rule-context.js';

function viewPath(kind: 'table' | 'gsi' | 'lsi', position: number): PathSegment[] {
  if (kind === 'table') return [];
  return [kind === 'gsi' ? 'globalSecondaryIndexes' : 'localSecondaryIndexes', position];
}

/**
 * Key attributes of the table and its indexes: only S, N or B; the table's partition and sort key differ;
 * a key attribute used by several indexes has one type (CreateTable defines each attribute once).
 */
export function checkKeyAttributes(context: RuleContext): void {
  context.model.tables.forEach((table, t) => {
    const tablePath: PathSegment[] = ['tables', t];
    if (table.sortKey && table.sortKey.name === table.partitionKey.name) {
      context.report(
        'index-key-same-name',
        'error',
        [...tablePath, 'sortKey', 'name'],
        `Table "${table.name}" uses "${table.partitionKey.name}" as both partition and sort key.`,
        'Pick a different sort key attribute, or none.',
      );
    }
    const types = new Map<string, { type: string; where: string }>();
    let gsi = 0;
    let lsi = 0;
    for (const view of indexViews(table)) {
      const position = view.kind === 'gsi' ? gsi++ : view.kind === 'lsi' ? lsi++ : 0;
      const base = [...tablePath, ...viewPath(view.kind, position)];
      const where = view.name === undefined ? `table "${table.name}"` : `index "${view.name}"`;
      const keys: [KeyAttribute | undefined, string][] = [
        [view.kind === 'lsi' ? undefined : view.partitionKey, 'partitionKey'],
        [view.sortKey, 'sortKey'],
      ];
      for (const [key, field] of keys) {
        if (!key) continue;
        const path = [...base, field];
        if (!(KEY_TYPES as readonly string[]).includes(key.type)) {
          context.report(
            'key-type-invalid',
            'error',
            [...path, 'type'],
            `Key attribute "${key.name}" of ${where} has type ${key.type}; keys can only be S, N or B.`,
            'Use S (string), N (number) or B (binary) for key attributes.',
          );
          continue;
        }
        const first = types.get(key.name);
        if (!first) types.set(key.name, { type: key.type, where });
        else if (first.type !== key.type) {
          context.report(
            'key-type-conflict',
            'error',
            [...path, 'type'],
            `Key attribute "${key.name}" is ${key.type} in ${where} but ${first.type} in ${first.where}; CreateTable defines each attribute with one type.`,
            `Use the same type everywhere, or a different attribute name for this index key.`,
          );
        }
      }
    }
  });
}
