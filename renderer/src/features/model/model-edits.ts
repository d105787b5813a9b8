import type { AccessPattern, Entity, Model, Table } from '../../../../shared/model/schema.js';
import { parsePath } from '../../state/json-path.js';
import type { Draft } from 'immer';
import { editModel, getDocument } from '../../state/model-store.js';
import { select } from '../../state/selection.js';

/** Model edits that touch more than one field: adding, removing and renaming with their references. */

function uniqueName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}${i}`)) return `${base}${i}`;
}

function tableAt(model: Model, tablePath: string): { table: Table; ti: number } | undefined {
  const s = parsePath(tablePath);
  const ti = s[1];
  if (s[0] !== 'tables' || typeof ti !== 'number') return undefined;
  const table = model.tables[ti];
  return table ? { table, ti } : undefined;
}

export function addTable(): void {
  const { model } = getDocument();
  const name = uniqueName(
    'new-table',
    model.tables.map((t) => t.name),
  );
  const table: Table = {
    name,
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    billing: { mode: 'on-demand' },
    entities: [],
    accessPatterns: [],
  };
  editModel(`Add table ${name}`, (d) => void d.tables.push(table));
  select({ kind: 'table', table: name, path: `$.tables[${model.tables.length}]` });
}

export function addEntity(tablePath: string): void {
  const found = tableAt(getDocument().model, tablePath);
  if (!found) return;
  const { table, ti } = found;
  const name = uniqueName(
    'NewEntity',
    table.entities.map((e) => e.name),
  );
  const keys: Record<string, string> = { [table.partitionKey.name]: `${name.toUpperCase()}#{id}` };
  if (table.sortKey) keys[table.sortKey.name] = `${name.toUpperCase()}#{id}`;
  const entity: Entity = {
    name,
    keys,
    attributes: [{ name: 'id', type: 'S', required: true, generator: { kind: 'faker', method: 'string.uuid' } }],
  };
  editModel(`Add entity ${name}`, (d) => void d.tables[ti]!.entities.push(entity));
  select({ kind: 'entity', table: table.name, name, path: `${tablePath}.entities[${table.entities.length}]` });
}

/** Adds a seed-only entity (generated for others to derive from, never written) and selects it. */
export function addSeedEntity(tablePath: string): void {
  const found = tableAt(getDocument().model, tablePath);
  if (!found) return;
  const { table, ti } = found;
  const list = table.seedEntities ?? [];
  const name = uniqueName(
    'SeedEntity',
    [...table.entities, ...list].map((e) => e.name),
  );
  editModel(`Add seed-only entity ${name}`, (d) => {
    const t = d.tables[ti]!;
    t.seedEntities ??= [];
    t.seedEntities.push({ name, attributes: [] });
  });
  select({ kind: 'entity', table: table.name, name, path: `${tablePath}.seedEntities[${list.length}]` });
}

export function addAttribute(entityPath: string): void {
  const s = parsePath(entityPath);
  const [ti, ei] = [s[1], s[3]];
  if (typeof ti !== 'number' || typeof ei !== 'number') return;
  const table = getDocument().model.tables[ti];
  const entity = table?.entities[ei];
  if (!table || !entity) return;
  const name = uniqueName(
    'new_attribute',
    entity.attributes.map((a) => a.name),
  );
  editModel(
    `Add attribute ${name} to ${entity.name}`,
    (d) => void d.tables[ti]!.entities[ei]!.attributes.push({ name, type: 'S' }),
  );
  select({
    kind: 'attribute',
    table: table.name,
    entity: entity.name,
    name,
    path: `${entityPath}.attributes[${entity.attributes.length}]`,
  });
}

export function addIndex(tablePath: string, kind: 'gsi' | 'lsi'): void {
  const found = tableAt(getDocument().model, tablePath);
  if (!found) return;
  const { table, ti } = found;
  const taken = [...(table.globalSecondaryIndexes ?? []), ...(table.localSecondaryIndexes ?? [])].map((i) => i.name);
  const name = uniqueName(kind === 'gsi' ? 'gsi1' : 'lsi1', taken);
  const list = kind === 'gsi' ? 'globalSecondaryIndexes' : 'localSecondaryIndexes';
  const at = (kind === 'gsi' ? table.globalSecondaryIndexes : table.localSecondaryIndexes)?.length ?? 0;
  editModel(`Add ${kind.toUpperCase()} ${name}`, (d) => {
    const t = d.tables[ti]!;
    if (kind === 'gsi') {
      t.globalSecondaryIndexes ??= [];
      t.globalSecondaryIndexes.push({
        name,
        partitionKey: { name: `${name}pk`, type: 'S' },
        sortKey: { name: `${name}sk`, type: 'S' },
        projection: { type: 'ALL' },
      });
    } else {
      t.localSecondaryIndexes ??= [];
      t.localSecondaryIndexes.push({ name, sortKey: { name: `${name}sk`, type: 'S' }, projection: { type: 'ALL' } });
    }
  });
  select({ kind: 'index', table: table.name, name, path: `${tablePath}.${list}[${at}]` });
}

export function addPattern(tablePath: string, entityName?: string): void {
  const found = tableAt(getDocument().model, tablePath);
  if (!found) return;
  const { table, ti } = found;
  const entity = entityName ?? table.entities[0]?.name ?? '';
  const name = uniqueName(
    'new-pattern',
    table.accessPatterns.map((p) => p.name),
  );
  const pattern: AccessPattern = {
    name,
    entity,
    kind: 'query',
    parameters: [],
    keyCondition: { partition: { attribute: table.partitionKey.name } },
  };
  editModel(`Add access pattern ${name}`, (d) => void d.tables[ti]!.accessPatterns.push(pattern));
  select({
    kind: 'pattern',
    table: table.name,
    name,
    path: `${tablePath}.accessPatterns[${table.accessPatterns.length}]`,
  });
}

/**
 * Renames an entity and, in the same undo step, what names it: access patterns, transaction writes and `ref`
 * generators of its table. When another entity already has the new name, only the entity itself is renamed.
 */
export function renameEntity(entityPath: string, next: string): void {
  const s = parsePath(entityPath);
  const [ti, ei] = [s[1], s[3]];
  if (typeof ti !== 'number' || typeof ei !== 'number') return;
  const table = getDocument().model.tables[ti];
  const previous = table?.entities[ei]?.name;
  if (!table || previous === undefined) return;
  const clash = table.entities.some((e, i) => i !== ei && (e.name === next || e.name === previous));
  const rename = (d: Draft<Model>): void => {
    const t = d.tables[ti]!;
    t.entities[ei]!.name = next;
    if (clash) return;
    for (const p of t.accessPatterns) {
      if (p.entity === previous) p.entity = next;
      for (const w of p.writes ?? []) if (w.entity === previous) w.entity = next;
    }
    for (const e of t.entities)
      for (const a of e.attributes)
        if (a.generator?.kind === 'ref' && a.generator.entity === previous) a.generator.entity = next;
  };
  editModel(`Rename entity ${previous}`, rename, Date.now(), `${entityPath}.name`);
  select({ kind: 'entity', table: table.name, name: next, path: entityPath });
}

/** Renames an access pattern and keeps it selected. */
export function renamePattern(patternPath: string, next: string): void {
  const s = parsePath(patternPath);
  const [ti, pi] = [s[1], s[3]];
  if (typeof ti !== 'number' || typeof pi !== 'number') return;
  const table = getDocument().model.tables[ti];
  if (!table?.accessPatterns[pi]) return;
  editModel(
    `Rename access pattern ${table.accessPatterns[pi].name}`,
    (d) => {
      d.tables[ti]!.accessPatterns[pi]!.name = next;
    },
    Date.now(),
    `${patternPath}.name`,
  );
  select({ kind: 'pattern', table: table.name, name: next, path: patternPath });
}

/** Renames a table and keeps it selected. */
export function renameTable(tablePath: string, next: string): void {
  const found = tableAt(getDocument().model, tablePath);
  if (!found) return;
  editModel(
    `Rename table ${found.table.name}`,
    (d) => void (d.tables[found.ti]!.name = next),
    Date.now(),
    `${tablePath}.name`,
  );
  select({ kind: 'table', table: next, path: tablePath });
}

/**
 * Renames a key attribute of the table or an index. When no other key uses the old name any more, the entities'
 * key templates move to the new name in the same undo step (a key shared with another index keeps its templates).
 */
export function renameKeyAttribute(namePath: string, next: string): void {
  const s = parsePath(namePath);
  const ti = s[1];
  if (typeof ti !== 'number') return;
  const table = getDocument().model.tables[ti];
  if (!table) return;
  editModel(
    'Rename key attribute',
    (d) => {
      const t = d.tables[ti]!;
      let node: unknown = d;
      for (const segment of s.slice(0, -1)) node = (node as Record<string | number, unknown>)[segment];
      const key = node as { name: string };
      const previous = key.name;
      key.name = next;
      const stillUsed = [
        t.partitionKey,
        t.sortKey,
        ...(t.globalSecondaryIndexes ?? []).flatMap((g) => [g.partitionKey, g.sortKey]),
        ...(t.localSecondaryIndexes ?? []).map((l) => l.sortKey),
      ].some((k) => k?.name === previous);
      if (stillUsed || !previous) return;
      for (const e of t.entities) {
        // Rebuilt in the same order, so the file's diff shows one renamed line.
        if (previous in e.keys && !(next in e.keys))
          e.keys = Object.fromEntries(Object.entries(e.keys).map(([k, v]) => [k === previous ? next : k, v]));
      }
    },
    Date.now(),
    namePath,
  );
}

export function removeObject(label: string, path: string, selectAfter: () => void): void {
  const s = parsePath(path);
  const last = s[s.length - 1];
  if (typeof last !== 'number') return;
  editModel(label, (d) => {
    let node: unknown = d;
    for (const segment of s.slice(0, -1)) node = (node as Record<string | number, unknown>)[segment];
    if (Array.isArray(node)) node.splice(last, 1);
  });
  selectAfter();
}
