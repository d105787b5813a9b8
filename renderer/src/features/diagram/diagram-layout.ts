import dagre from '@dagrejs/dagre';
import { indexViews } from '../../../../shared/model/indexes.js';
import type { Attribute, Entity, Model, Table } from '../../../../shared/model/schema.js';

/**
 * The diagram as positioned boxes, computed from the model alone (no DOM): one container per table, an entity
 * box per entity with its key template for every table and index key, an index box per GSI/LSI (the alternate
 * key sets), and an edge per `ref:` generator from the parent entity to the child. Dagre ranks the entities
 * that references connect; entities no reference touches are packed in a grid below them, so a model of 200
 * unrelated entities is a compact block rather than one 60,000-pixel row.
 */

export type KeyRole = 'PK' | 'SK';

export interface EntityKeyRow {
  /** 'table' or the index name. */
  index: string;
  indexKind: 'table' | 'gsi' | 'lsi';
  role: KeyRole;
  attribute: string;
  /** undefined: the entity has no template for this key, so it is absent from that (sparse) index. */
  template: string | undefined;
}

export interface EntityNodeData {
  kind: 'entity';
  table: string;
  name: string;
  description?: string;
  keys: EntityKeyRow[];
  attributeCount: number;
  sampleCount: number;
  /** Index names the entity is absent from (no template for one of the index's keys). */
  absentFrom: string[];
  /** Where reference edges leave (children below, or to the right in a left-to-right layout). */
  flow: 'down' | 'right';
  /** A seed-only entity: generated to derive others from, never stored in the table (no keys). */
  seedOnly?: boolean;
}

export interface IndexNodeData {
  kind: 'index';
  table: string;
  name: string;
  indexKind: 'gsi' | 'lsi';
  partitionKey: string;
  sortKey?: string;
  projection: string;
  /** Entities that have templates for all the index's keys. */
  members: string[];
  entityCount: number;
}

export interface TableNodeData {
  kind: 'table';
  name: string;
  partitionKey: string;
  sortKey?: string;
  settings: string[];
}

export type DiagramNodeData = EntityNodeData | IndexNodeData | TableNodeData;

export interface DiagramNode {
  id: string;
  /** The table container for entity and index boxes; positions are then relative to it. */
  parentId?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  data: DiagramNodeData;
  /** The model JSON path of the form this node opens. */
  path: string;
}

export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  /** The referencing attribute and the parent attribute: `message_group_uuid → MessageGroup.message_group_uuid`. */
  label: string;
}

export interface DiagramLayout {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  width: number;
  height: number;
}

export const ENTITY_WIDTH = 440;
export const INDEX_WIDTH = 260;
const ROW_HEIGHT = 20;
const ENTITY_CHROME = 40;
const INDEX_HEIGHT = 104;
const TABLE_HEADER = 72;
const PADDING = 24;
const GAP = 28;
const TABLE_GAP = 80;

export function entityNodeId(table: string, entity: string): string {
  return `entity:${table}:${entity}`;
}
export function indexNodeId(table: string, index: string): string {
  return `index:${table}:${index}`;
}
export function tableNodeId(table: string): string {
  return `table:${table}`;
}

export function entityHeight(data: EntityNodeData): number {
  return ENTITY_CHROME + (data.keys.length + (data.seedOnly ? 1 : 0)) * ROW_HEIGHT;
}

function entityData(table: Table, entity: Entity): EntityNodeData {
  const keys: EntityKeyRow[] = [];
  const absentFrom: string[] = [];
  for (const view of indexViews(table)) {
    const index = view.name ?? 'table';
    const pairs: [KeyRole, string | undefined][] = [
      ['PK', view.partitionKey.name],
      ['SK', view.sortKey?.name],
    ];
    let absent = false;
    for (const [role, attribute] of pairs) {
      if (attribute === undefined) continue;
      const template = entity.keys[attribute];
      if (template === undefined) absent = true;
      // The table's own keys are listed once; an LSI repeats the table's partition key, so only its sort key shows.
      if (view.kind === 'lsi' && role === 'PK') continue;
      keys.push({ index, indexKind: view.kind, role, attribute, template });
    }
    if (absent && view.name !== undefined) absentFrom.push(view.name);
  }
  return {
    kind: 'entity',
    table: table.name,
    name: entity.name,
    ...(entity.description !== undefined && { description: entity.description }),
    keys,
    attributeCount: entity.attributes.length,
    sampleCount: entity.sampleItems?.length ?? 0,
    absentFrom,
    flow: 'down',
  };
}

function projectionText(projection: { type: string; nonKeyAttributes?: string[] }): string {
  if (projection.type !== 'INCLUDE') return projection.type;
  return `INCLUDE ${(projection.nonKeyAttributes ?? []).join(', ') || '(keys only)'}`;
}

function tableSettings(table: Table): string[] {
  const settings = [
    table.billing.mode === 'on-demand' ? 'On-demand' : `Provisioned ${table.billing.read}/${table.billing.write}`,
  ];
  if (table.ttlAttribute) settings.push(`TTL ${table.ttlAttribute}`);
  if (table.stream) settings.push(`Stream ${table.stream}`);
  if (table.tableClass === 'STANDARD_INFREQUENT_ACCESS') settings.push('Standard-IA');
  if (table.pointInTimeRecovery) settings.push('PITR');
  if (table.deletionProtection) settings.push('Deletion protection');
  return settings;
}

/** The entity an attribute's generator derives from: a `ref` parent, or the entity whose items make a `members` set. */
function sourceOf(attribute: Attribute): string | undefined {
  const generator = attribute.generator;
  if (generator?.kind === 'ref' || generator?.kind === 'members') return generator.entity;
  return undefined;
}

/**
 * Edges inside one table: parent entity → child entity for each `ref` (and `members`) generator and each
 * `seed.parent`, once per pair and attribute; seed-only entities take part (they are what others derive from).
 */
function refEdges(table: Table): DiagramEdge[] {
  const all = [...table.entities, ...(table.seedEntities ?? [])];
  const names = new Set(all.map((e) => e.name));
  const edges: DiagramEdge[] = [];
  const seen = new Set<string>();
  const add = (parent: string, child: string, via: string, label: string): void => {
    if (!names.has(parent) || parent === child) return;
    const id = `ref:${table.name}:${parent}:${child}:${via}`;
    if (seen.has(id) || seen.has(`pair:${parent}:${child}`)) return;
    seen.add(id);
    seen.add(`pair:${parent}:${child}`);
    edges.push({ id, source: entityNodeId(table.name, parent), target: entityNodeId(table.name, child), label });
  };
  for (const entity of all) {
    for (const attribute of entity.attributes) {
      const source = sourceOf(attribute);
      if (source === undefined) continue;
      // the label stays short (edges of one parent sit side by side); the attribute names the relation
      add(source, entity.name, attribute.name, attribute.name);
    }
    const parent = entity.seed && 'parent' in entity.seed ? entity.seed.parent : undefined;
    if (parent !== undefined) add(parent, entity.name, '(parent)', `child of ${parent}`);
  }
  return edges;
}

interface Box {
  id: string;
  width: number;
  height: number;
  x: number;
  y: number;
}

/** Lays out the connected entities with dagre in one direction; returns the block's size. */
function dagreLayout(boxes: Box[], edges: DiagramEdge[], rankdir: 'TB' | 'LR'): { width: number; height: number } {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir, nodesep: GAP, ranksep: 56, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const box of boxes) graph.setNode(box.id, { width: box.width, height: box.height });
  for (const edge of edges) graph.setEdge(edge.source, edge.target, {}, edge.id);
  dagre.layout(graph);
  let width = 0;
  let height = 0;
  for (const box of boxes) {
    const placed = graph.node(box.id);
    box.x = (placed.x ?? 0) - box.width / 2;
    box.y = (placed.y ?? 0) - box.height / 2;
    width = Math.max(width, box.x + box.width);
    height = Math.max(height, box.y + box.height);
  }
  return { width, height };
}

/** How far a block's shape is from a screen's (about 1.6 wide per 1 tall), in log terms. */
const misfit = (size: { width: number; height: number }): number =>
  Math.abs(Math.log(size.width / Math.max(1, size.height) / 1.6));

/**
 * Lays out the connected entities with dagre, parents above children; a graph that comes out far wider than tall
 * (many children of one parent) is laid out left to right instead when that fits a screen better.
 */
function layoutConnected(
  boxes: Box[],
  edges: DiagramEdge[],
): { width: number; height: number; flow: 'down' | 'right' } {
  if (boxes.length === 0) return { width: 0, height: 0, flow: 'down' };
  const topDown = dagreLayout(boxes, edges, 'TB');
  if (topDown.width / Math.max(1, topDown.height) < 4) return { ...topDown, flow: 'down' };
  const positions = boxes.map((b) => [b.x, b.y] as const);
  const leftRight = dagreLayout(boxes, edges, 'LR');
  if (misfit(leftRight) < misfit(topDown)) return { ...leftRight, flow: 'right' };
  boxes.forEach((b, i) => {
    [b.x, b.y] = positions[i]!;
  });
  return { ...topDown, flow: 'down' };
}

/** Packs boxes in rows of `columns`, each row as tall as its tallest box. */
function packGrid(boxes: Box[], columns: number, top: number): { width: number; height: number } {
  let y = top;
  let width = 0;
  for (let start = 0; start < boxes.length; start += columns) {
    const row = boxes.slice(start, start + columns);
    let x = 0;
    let rowHeight = 0;
    for (const box of row) {
      box.x = x;
      box.y = y;
      x += box.width + GAP;
      rowHeight = Math.max(rowHeight, box.height);
    }
    width = Math.max(width, x - GAP);
    y += rowHeight + GAP;
  }
  return { width, height: boxes.length ? y - GAP - top : 0 };
}

function layoutTable(
  model: Model,
  tableIndex: number,
  left: number,
): { nodes: DiagramNode[]; edges: DiagramEdge[]; width: number; height: number } {
  const table = model.tables[tableIndex]!;
  const tableId = tableNodeId(table.name);
  const edges = refEdges(table);
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  const entities = table.entities.map((entity, i) => {
    const data = entityData(table, entity);
    const box: Box = {
      id: entityNodeId(table.name, entity.name),
      width: ENTITY_WIDTH,
      height: entityHeight(data),
      x: 0,
      y: 0,
    };
    return { box, data, path: `$.tables[${tableIndex}].entities[${i}]` };
  });
  (table.seedEntities ?? []).forEach((seedEntity, i) => {
    const data: EntityNodeData = {
      kind: 'entity',
      table: table.name,
      name: seedEntity.name,
      ...(seedEntity.description !== undefined && { description: seedEntity.description }),
      keys: [],
      attributeCount: seedEntity.attributes.length,
      sampleCount: 0,
      absentFrom: [],
      flow: 'down',
      seedOnly: true,
    };
    const box: Box = {
      id: entityNodeId(table.name, seedEntity.name),
      width: ENTITY_WIDTH,
      height: entityHeight(data),
      x: 0,
      y: 0,
    };
    entities.push({ box, data, path: `$.tables[${tableIndex}].seedEntities[${i}]` });
  });
  // the same entity name twice would make one node id twice; the first keeps the id (a validation error anyway)
  const unique = entities.filter((e, i) => entities.findIndex((o) => o.box.id === e.box.id) === i);

  // indexes: one row across the top of the container
  const views = indexViews(table).filter((v) => v.name !== undefined);
  const indexBoxes: { box: Box; data: IndexNodeData; path: string }[] = views.map((view) => {
    const keyNames = [view.partitionKey.name, ...(view.sortKey ? [view.sortKey.name] : [])];
    const members = table.entities.filter((e) => keyNames.every((k) => e.keys[k] !== undefined)).map((e) => e.name);
    const list = view.kind === 'gsi' ? (table.globalSecondaryIndexes ?? []) : (table.localSecondaryIndexes ?? []);
    const position = list.findIndex((i) => i.name === view.name);
    const data: IndexNodeData = {
      kind: 'index',
      table: table.name,
      name: view.name!,
      indexKind: view.kind === 'gsi' ? 'gsi' : 'lsi',
      partitionKey: `${view.partitionKey.name} (${view.partitionKey.type})`,
      ...(view.sortKey && { sortKey: `${view.sortKey.name} (${view.sortKey.type})` }),
      projection: projectionText(view.projection),
      members,
      entityCount: table.entities.length,
    };
    const box: Box = { id: indexNodeId(table.name, view.name!), width: INDEX_WIDTH, height: INDEX_HEIGHT, x: 0, y: 0 };
    const listName = view.kind === 'gsi' ? 'globalSecondaryIndexes' : 'localSecondaryIndexes';
    return { box, data, path: `$.tables[${tableIndex}].${listName}[${position}]` };
  });

  const connected = unique.filter((e) => linked.has(e.box.id));
  const loose = unique.filter((e) => !linked.has(e.box.id));
  const graphSize = layoutConnected(
    connected.map((e) => e.box),
    edges,
  );
  for (const e of connected) e.data.flow = graphSize.flow;
  // about 1.6 times wider than tall: columns × width ≈ 1.6 × rows × height
  const meanHeight = loose.reduce((sum, e) => sum + e.box.height + GAP, 0) / Math.max(1, loose.length);
  const columns = Math.max(
    1,
    Math.min(loose.length, Math.round(Math.sqrt((1.6 * loose.length * meanHeight) / (ENTITY_WIDTH + GAP)))),
  );
  const indexRow = packGrid(
    indexBoxes.map((i) => i.box),
    Math.max(1, Math.max(columns, Math.floor((graphSize.width + GAP) / (INDEX_WIDTH + GAP)))),
    0,
  );
  const gridTop = graphSize.height > 0 && loose.length > 0 ? graphSize.height + GAP * 2 : graphSize.height;
  const grid = packGrid(
    loose.map((e) => e.box),
    columns,
    gridTop,
  );

  const entitiesTop = TABLE_HEADER + (indexRow.height > 0 ? indexRow.height + GAP * 1.5 : 0);
  const contentWidth = Math.max(graphSize.width, grid.width, indexRow.width, 360);
  const contentHeight = Math.max(graphSize.height, gridTop + grid.height);
  const width = contentWidth + PADDING * 2;
  const height = entitiesTop + contentHeight + PADDING;

  const tableData: TableNodeData = {
    kind: 'table',
    name: table.name,
    partitionKey: `${table.partitionKey.name} (${table.partitionKey.type})`,
    ...(table.sortKey && { sortKey: `${table.sortKey.name} (${table.sortKey.type})` }),
    settings: tableSettings(table),
  };
  const nodes: DiagramNode[] = [
    { id: tableId, x: left, y: 0, width, height, data: tableData, path: `$.tables[${tableIndex}]` },
  ];
  for (const { box, data, path } of indexBoxes) {
    nodes.push({
      id: box.id,
      parentId: tableId,
      x: PADDING + box.x,
      y: TABLE_HEADER + box.y,
      width: box.width,
      height: box.height,
      data,
      path,
    });
  }
  for (const { box, data, path } of unique) {
    nodes.push({
      id: box.id,
      parentId: tableId,
      x: PADDING + box.x,
      y: entitiesTop + box.y,
      width: box.width,
      height: box.height,
      data,
      path,
    });
  }
  return { nodes, edges, width, height };
}

/** Positions for every table, entity and index of the model; tables side by side, left to right. */
export function layoutDiagram(model: Model): DiagramLayout {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  let left = 0;
  let height = 0;
  model.tables.forEach((_, i) => {
    const part = layoutTable(model, i, left);
    nodes.push(...part.nodes);
    edges.push(...part.edges);
    left += part.width + TABLE_GAP;
    height = Math.max(height, part.height);
  });
  return { nodes, edges, width: Math.max(0, left - TABLE_GAP), height };
}

/** The accessible name of a node: what a screen reader announces and what tests find it by. */
export function nodeLabel(data: DiagramNodeData): string {
  switch (data.kind) {
    case 'table':
      return `Table ${data.name}`;
    case 'entity':
      return `${data.seedOnly ? 'Seed-only entity' : 'Entity'} ${data.name}`;
    case 'index':
      return `${data.indexKind === 'gsi' ? 'GSI' : 'LSI'} ${data.name}`;
  }
}
