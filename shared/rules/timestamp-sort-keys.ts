import type { Attribute, Entity } from '../model/schema.js';
import { own, type RuleContext } from './rule-context.js';

const TIME_NAME = /(^|_)(at|date|time|timestamp|ts|datetime)$|(created|updated|modified|sent|posted)(_?at|_?on)?$/i;

/** An attribute that holds a point in time: a date generator, or a time-like name (`created_at`, `timestamp`). */
function isTimestamp(attribute: Attribute): boolean {
  const kind = attribute.generator?.kind;
  if (kind === 'date-range' || kind === 'after') return true;
  if (kind === 'aggregate' && attribute.generator?.kind === 'aggregate')
    return attribute.generator.function !== 'count' && TIME_NAME.test(attribute.name);
  return (attribute.type === 'S' || attribute.type === 'N') && TIME_NAME.test(attribute.name);
}

/** An attribute likely unique per item, to suggest as a suffix: a uuid or id generator or name. */
function uniqueCandidate(entity: Entity, partitionParams: readonly string[]): string | undefined {
  const free = entity.attributes.filter((a) => !partitionParams.includes(a.name));
  return (
    free.find((a) => a.generator?.kind === 'faker' && /uuid|ulid|nanoid/i.test(a.generator.method))?.name ??
    free.find((a) => /(_|^)(uuid|id)$/i.test(a.name))?.name
  );
}

const PARAM = /\{([^{}]+)\}/g;

/**
 * A table sort key made of nothing but a timestamp (`{created_at}`, `MSG#{created_at}`): two items of one partition
 * written in the same millisecond get the same primary key, and the second PutItem silently replaces the first.
 * Index sort keys need not be unique, so only the table's sort key is checked.
 */
export function checkTimestampSortKeys(context: RuleContext): void {
  context.model.tables.forEach((table, t) => {
    const sortKey = table.sortKey?.name;
    if (sortKey === undefined) return;
    table.entities.forEach((entity, e) => {
      const template = own(entity.keys, sortKey);
      if (template === undefined) return;
      const params = [...template.matchAll(PARAM)].map((m) => m[1]!);
      if (params.length !== 1) return;
      const attribute = entity.attributes.find((a) => a.name === params[0]);
      if (!attribute || !isTimestamp(attribute)) return;
      const partitionParams = [...(own(entity.keys, table.partitionKey.name) ?? '').matchAll(PARAM)].map((m) => m[1]!);
      const suffix = uniqueCandidate(entity, partitionParams);
      context.report(
        'sort-key-timestamp-only',
        'warning',
        ['tables', t, 'entities', e, 'keys', sortKey],
        `The sort key of "${entity.name}" ("${template}") is only the time "${attribute.name}": two ${entity.name} items of one partition written in the same millisecond get the same key, and the second write silently replaces the first.`,
        `Add a unique suffix that keeps the time order, e.g. "${template}#{${suffix ?? 'id'}}"${suffix ? '' : ' with an id attribute (faker string.uuid)'}.`,
      );
    });
  });
}
