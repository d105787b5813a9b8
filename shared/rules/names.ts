import { utf8Length } from '../model/item-size.js';
import { MAX_ATTRIBUTE_NAME_BYTES } from '../model/write-limits.js';
import { keyDeclarations } from './key-info.js';
import { formatPath } from '../model/safe-json.js';
import { EntityCache, ReportRecorder, replay, type RecordedReport } from './entity-cache.js';
import type { PathSegment, Reporter, RuleContext } from './rule-context.js';

const RESOURCE_NAME = /^[A-Za-z0-9_.-]+$/;
export const MAX_KEY_NAME_BYTES = 255;
// DynamoDB: attribute names are 1 byte up to (not including) 64 KB.
export { MAX_ATTRIBUTE_NAME_BYTES };

interface Named {
  name: string;
  path: PathSegment[];
}

/** Table and index names: 3-255 characters of A-Z a-z 0-9 _ - . (DynamoDB naming rules). */
function checkResourceName(context: RuleContext, what: 'table' | 'index', name: string, path: PathSegment[]): void {
  const code = `${what}-name-invalid`;
  const hint = `Use 3 to 255 characters from A-Z, a-z, 0-9, "_", "-" and ".".`;
  if (name.length < 3 || name.length > 255) {
    context.report(
      code,
      'error',
      path,
      `The ${what} name "${name}" has ${name.length} character${name.length === 1 ? '' : 's'}; DynamoDB needs 3 to 255.`,
      hint,
    );
  } else if (!RESOURCE_NAME.test(name)) {
    const bad = [...new Set([...name].filter((ch) => !/[A-Za-z0-9_.-]/.test(ch)))]
      .map((ch) => JSON.stringify(ch))
      .join(' ');
    context.report(
      code,
      'error',
      path,
      `The ${what} name "${name}" contains characters DynamoDB does not allow: ${bad}.`,
      hint,
    );
  }
}

/**
 * Exact duplicates are errors; names that differ only by case are warnings (legal, but easy to mix up, and
 * a problem on case-insensitive file systems and in generated code).
 */
export function checkDuplicates(context: Reporter, items: readonly Named[], what: string, scope: string): void {
  const exact = new Map<string, Named>();
  const folded = new Map<string, Named>();
  for (const item of items) {
    const first = exact.get(item.name);
    if (first) {
      context.report(
        `${what}-name-duplicate`,
        'error',
        item.path,
        `The ${what} name "${item.name}" is used twice ${scope}.`,
        `Rename one of them; the other one is at ${formatPath(first.path)}.`,
      );
      continue;
    }
    exact.set(item.name, item);
    const lower = item.name.toLowerCase();
    const other = folded.get(lower);
    if (other) {
      context.report(
        'name-case-collision',
        'warning',
        item.path,
        `The ${what} names "${other.name}" and "${item.name}" differ only by case ${scope}.`,
        'Names are case-sensitive, but names that differ only by case are easy to confuse: rename one.',
      );
    } else folded.set(lower, item);
  }
}

/** The attribute-name findings of one entity, per attributes array, entity name and position. */
const attributeNameCache = new EntityCache<RecordedReport[]>();

function attributeNameFindings(
  entityName: string,
  list: readonly { name: string }[],
  entityPath: PathSegment[],
): RecordedReport[] {
  const recorder = new ReportRecorder();
  const attributes: Named[] = list.map((a, i) => ({ name: a.name, path: [...entityPath, 'attributes', i, 'name'] }));
  for (const attribute of attributes) {
    const bytes = utf8Length(attribute.name);
    if (bytes === 0 || bytes > MAX_ATTRIBUTE_NAME_BYTES) {
      recorder.report(
        'attribute-name-invalid',
        'error',
        attribute.path,
        `An attribute name must be 1 to ${MAX_ATTRIBUTE_NAME_BYTES} bytes (under 64 KB); this one is ${bytes} bytes.`,
        'Give the attribute a short, non-empty name.',
      );
    }
  }
  checkDuplicates(recorder, attributes, 'attribute', `in entity "${entityName}"`);
  return recorder.reports;
}

/** The last model-wide duplicate search per kind: the names in order, where each is, and what was found. */
const lastModelWide = new Map<string, { names: string[]; places: number[]; reports: RecordedReport[] }>();

/**
 * Duplicate entity or pattern names across the model. The findings depend only on the names in order and where
 * each is (table and position), so an edit that keeps them (a key template, an attribute) reuses the last ones
 * instead of building a path per pattern again.
 */
function checkModelWideDuplicates(
  context: RuleContext,
  what: 'entity' | 'pattern',
  field: 'entities' | 'accessPatterns',
  names: string[],
  places: number[],
): void {
  const last = lastModelWide.get(what);
  let reports = last?.reports;
  if (
    !last ||
    last.names.length !== names.length ||
    !last.names.every(
      (name, k) =>
        name === names[k] && last.places[2 * k] === places[2 * k] && last.places[2 * k + 1] === places[2 * k + 1],
    )
  ) {
    const recorder = new ReportRecorder();
    const named = names.map((name, k) => ({
      name,
      path: ['tables', places[2 * k]!, field, places[2 * k + 1]!, 'name'],
    }));
    checkDuplicates(recorder, named, what, 'in the model');
    reports = recorder.reports;
    lastModelWide.set(what, { names, places, reports });
  }
  replay(context, reports!, []);
}

/** Names of tables, indexes, attributes, entities and patterns. */
export function checkNames(context: RuleContext): void {
  const tables: Named[] = [];
  const entityNames: string[] = [];
  const entityPlaces: number[] = [];
  const patternNames: string[] = [];
  const patternPlaces: number[] = [];
  context.model.tables.forEach((table, t) => {
    const tablePath = ['tables', t];
    tables.push({ name: table.name, path: [...tablePath, 'name'] });
    checkResourceName(context, 'table', table.name, [...tablePath, 'name']);
    const indexes: Named[] = [];
    (table.globalSecondaryIndexes ?? []).forEach((gsi, i) =>
      indexes.push({ name: gsi.name, path: [...tablePath, 'globalSecondaryIndexes', i, 'name'] }),
    );
    (table.localSecondaryIndexes ?? []).forEach((lsi, i) =>
      indexes.push({ name: lsi.name, path: [...tablePath, 'localSecondaryIndexes', i, 'name'] }),
    );
    for (const index of indexes) checkResourceName(context, 'index', index.name, index.path);
    checkDuplicates(context, indexes, 'index', `in table "${table.name}"`);

    const reported = new Set<string>();
    for (const { key, path } of keyDeclarations(table)) {
      const bytes = utf8Length(key.name);
      if (bytes > MAX_KEY_NAME_BYTES && !reported.has(key.name)) {
        reported.add(key.name);
        context.report(
          'key-attribute-name-too-long',
          'error',
          [...tablePath, ...path],
          `The key attribute name "${key.name.slice(0, 40)}…" is ${bytes} UTF-8 bytes; key attribute names may have at most ${MAX_KEY_NAME_BYTES}.`,
          'Use a short key attribute name such as pk, sk, gsi1pk.',
        );
      }
    }

    table.entities.forEach((entity, e) => {
      const entityPath = [...tablePath, 'entities', e];
      entityNames.push(entity.name);
      entityPlaces.push(t, e);
      // the duplicate hint names the other attribute's whole path, so the entity's position is a dependency
      replay(
        context,
        attributeNameCache.get(entity.attributes, [entity.name, t, e], () =>
          attributeNameFindings(entity.name, entity.attributes, entityPath),
        ),
        [],
      );
    });
    table.accessPatterns.forEach((pattern, p) => {
      patternNames.push(pattern.name);
      patternPlaces.push(t, p);
    });
  });
  checkDuplicates(context, tables, 'table', 'in the model');
  checkModelWideDuplicates(context, 'entity', 'entities', entityNames, entityPlaces);
  checkModelWideDuplicates(context, 'pattern', 'accessPatterns', patternNames, patternPlaces);
}
