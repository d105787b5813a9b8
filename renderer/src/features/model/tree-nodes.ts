import type { Entity, Model, SeedEntity } from '../../../../shared/model/schema.js';
import { joinPath } from '../../state/json-path.js';
import type { SelectionTarget } from '../../state/selection.js';

export type NodeKind = 'model' | 'table' | 'group' | 'index' | 'entity' | 'attribute' | 'pattern';
export type GroupKind = 'indexes' | 'entities' | 'seed' | 'patterns';

/** One row of the Model tree. `id` is the JSON path of the object (groups: the table path + `/group`). */
export interface TreeNode {
  id: string;
  label: string;
  kind: NodeKind;
  /** Short text after the label: key names, index type, operation. */
  detail?: string;
  level: number;
  parentId?: string;
  childIds: string[];
  /** For groups: which list of the table. */
  group?: GroupKind;
  tablePath?: string;
  target?: SelectionTarget;
  /** Entity whose colour the row carries. */
  entity?: string;
  /** 1-based place among its siblings and their number (aria-posinset, aria-setsize). */
  position: number;
  setSize: number;
}

let lastTree: { model: Model; nodes: TreeNode[] } | undefined;

/**
 * The tree of `model`, reusing the nodes of the previous call when the edit changed nothing the tree shows (a
 * keystroke in a key template or a description): the model is structurally shared, so the comparison skips every
 * untouched object by identity and costs microseconds instead of rebuilding 1,000+ nodes.
 */
export function treeOf(model: Model): TreeNode[] {
  if (lastTree && (lastTree.model === model || sameTreeShape(lastTree.model, model))) {
    lastTree = { model, nodes: lastTree.nodes };
    return lastTree.nodes;
  }
  lastTree = { model, nodes: buildTree(model) };
  return lastTree.nodes;
}

/** True when the two models give the same tree rows (names, kinds, key names, counts, the details shown). */
export function sameTreeShape(a: Model, b: Model): boolean {
  if (a === b) return true;
  if (a.name !== b.name || a.tables.length !== b.tables.length) return false;
  return a.tables.every((ta, i) => {
    const tb = b.tables[i]!;
    if (ta === tb) return true;
    return (
      ta.name === tb.name &&
      ta.partitionKey.name === tb.partitionKey.name &&
      ta.sortKey?.name === tb.sortKey?.name &&
      ta.globalSecondaryIndexes === tb.globalSecondaryIndexes &&
      ta.localSecondaryIndexes === tb.localSecondaryIndexes &&
      sameList(ta.entities, tb.entities, sameEntityRows) &&
      sameList(ta.seedEntities ?? [], tb.seedEntities ?? [], sameEntityRows) &&
      sameList(
        ta.accessPatterns,
        tb.accessPatterns,
        (pa, pb) => pa.name === pb.name && pa.kind === pb.kind && pa.entity === pb.entity,
      )
    );
  });
}

function sameEntityRows(a: Entity | SeedEntity, b: Entity | SeedEntity): boolean {
  return a.name === b.name && sameList(a.attributes, b.attributes, (x, y) => x.name === y.name && x.type === y.type);
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !same(a[i]!, b[i]!)) return false;
  return true;
}

/** All nodes of the tree in display order (pre-order), whether expanded or not. */
export function buildTree(model: Model): TreeNode[] {
  const nodes: TreeNode[] = [];
  const root: TreeNode = {
    id: '$',
    label: model.name || 'untitled',
    kind: 'model',
    level: 1,
    childIds: [],
    position: 1,
    setSize: 1,
  };
  nodes.push(root);
  model.tables.forEach((table, ti) => {
    const tablePath = joinPath('$', 'tables', ti);
    const tableNode: TreeNode = {
      id: tablePath,
      label: table.name,
      kind: 'table',
      detail: table.sortKey ? `${table.partitionKey.name}, ${table.sortKey.name}` : table.partitionKey.name,
      level: 2,
      position: 1,
      setSize: 1,
      parentId: '$',
      childIds: [],
      tablePath,
      target: { kind: 'table', table: table.name, path: tablePath },
    };
    root.childIds.push(tablePath);
    nodes.push(tableNode);
    const group = (kind: GroupKind, label: string, count: number): TreeNode => {
      const node: TreeNode = {
        id: `${tablePath}/${kind}`,
        label,
        kind: 'group',
        group: kind,
        detail: String(count),
        level: 3,
        position: 1,
        setSize: 1,
        parentId: tablePath,
        childIds: [],
        tablePath,
      };
      tableNode.childIds.push(node.id);
      nodes.push(node);
      return node;
    };
    const indexes = group(
      'indexes',
      'Indexes',
      (table.globalSecondaryIndexes?.length ?? 0) + (table.localSecondaryIndexes?.length ?? 0),
    );
    for (const [kind, list] of [
      ['globalSecondaryIndexes', table.globalSecondaryIndexes ?? []],
      ['localSecondaryIndexes', table.localSecondaryIndexes ?? []],
    ] as const) {
      list.forEach((index, i) => {
        const path = joinPath(tablePath, kind, i);
        const pk = 'partitionKey' in index ? index.partitionKey.name : table.partitionKey.name;
        const keys = index.sortKey ? `${pk}, ${index.sortKey.name}` : pk;
        indexes.childIds.push(path);
        nodes.push({
          id: path,
          label: index.name,
          kind: 'index',
          detail: `${kind === 'globalSecondaryIndexes' ? 'GSI' : 'LSI'} · ${keys}`,
          level: 4,
          position: 1,
          setSize: 1,
          parentId: indexes.id,
          childIds: [],
          tablePath,
          target: { kind: 'index', table: table.name, name: index.name, path },
        });
      });
    }
    /** An entity under `parent` (model or seed-only), with its attributes as children. */
    const pushEntity = (
      entity: { name: string; attributes: readonly { name: string; type: string }[] },
      path: string,
      parent: TreeNode,
      detail: string,
    ) => {
      const node: TreeNode = {
        id: path,
        label: entity.name,
        kind: 'entity',
        detail,
        level: 4,
        position: 1,
        setSize: 1,
        parentId: parent.id,
        childIds: [],
        tablePath,
        entity: entity.name,
        target: { kind: 'entity', table: table.name, name: entity.name, path },
      };
      parent.childIds.push(path);
      nodes.push(node);
      entity.attributes.forEach((attribute, ai) => {
        const attributePath = joinPath(path, 'attributes', ai);
        node.childIds.push(attributePath);
        nodes.push({
          id: attributePath,
          label: attribute.name,
          kind: 'attribute',
          detail: attribute.type,
          level: 5,
          position: 1,
          setSize: 1,
          parentId: path,
          childIds: [],
          tablePath,
          entity: entity.name,
          target: {
            kind: 'attribute',
            table: table.name,
            entity: entity.name,
            name: attribute.name,
            path: attributePath,
          },
        });
      });
    };
    const entities = group('entities', 'Entities', table.entities.length);
    table.entities.forEach((entity, ei) =>
      pushEntity(entity, joinPath(tablePath, 'entities', ei), entities, `${entity.attributes.length} attr.`),
    );
    const seedEntities = table.seedEntities ?? [];
    if (seedEntities.length > 0) {
      const seed = group('seed', 'Seed-only entities', seedEntities.length);
      seedEntities.forEach((entity, si) =>
        pushEntity(entity, joinPath(tablePath, 'seedEntities', si), seed, 'seed-only'),
      );
    }
    const patterns = group('patterns', 'Access patterns', table.accessPatterns.length);
    table.accessPatterns.forEach((pattern, pi) => {
      const path = joinPath(tablePath, 'accessPatterns', pi);
      patterns.childIds.push(path);
      nodes.push({
        id: path,
        label: pattern.name,
        kind: 'pattern',
        detail: pattern.kind,
        level: 4,
        position: 1,
        setSize: 1,
        parentId: patterns.id,
        childIds: [],
        tablePath,
        entity: pattern.entity,
        target: { kind: 'pattern', table: table.name, name: pattern.name, path },
      });
    });
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const parent of nodes) {
    parent.childIds.forEach((id, i) => {
      const child = byId.get(id)!;
      child.position = i + 1;
      child.setSize = parent.childIds.length;
    });
  }
  return nodes;
}

/**
 * The node that shows a selection: the node at its path when that node still has its kind and name (two objects may
 * share a name for a moment while one is renamed), else the one found by name (names survive reordering), else the
 * node at its path.
 */
export function nodeForSelection(
  nodes: readonly TreeNode[],
  target: SelectionTarget | undefined,
): TreeNode | undefined {
  if (!target) return undefined;
  const matches = (n: TreeNode): boolean =>
    n.target !== undefined &&
    n.target.kind === target.kind &&
    n.target.table === target.table &&
    n.target.name === target.name &&
    (target.kind !== 'attribute' || target.entity === undefined || n.target.entity === target.entity);
  const atPath = target.path ? nodes.find((n) => n.id === target.path) : undefined;
  if (atPath && matches(atPath)) return atPath;
  return nodes.find(matches) ?? atPath;
}
