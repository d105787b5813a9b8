import type { Attribute, Entity, EntitySeed, Generator, SeedEntity, Table } from '../model/schema.js';
import { parseDuration } from './duration.js';

/**
 * The seeder's picture of a table: every entity (written ones and seed-only ones) as a node of a forest, with its
 * parent, its children, the entities it picks from (pools), and which children must be generated before its own
 * item is finished (those it aggregates over). Built once per plan and by the validator, which reports `problems`.
 */
export interface SeedNode {
  name: string;
  attributes: readonly Attribute[];
  seed: EntitySeed | undefined;
  /** The written entity, or undefined for a seed-only entity. */
  entity: Entity | undefined;
  /** JSON path of the entity: `$.tables[0].entities[1]` or `$.tables[0].seedEntities[0]`. */
  path: string;
  parent: SeedNode | undefined;
  children: SeedNode[];
  /** Children this node aggregates over: their items come before this node's item is finished. */
  before: SeedNode[];
  /** The other children: generated after this node's item is finished (they may copy its aggregates). */
  after: SeedNode[];
  /** Entities other than the parent that this node takes values from (random items of theirs). */
  pools: Set<string>;
  /** Attribute names of this entity whose values are computed from children (directly or through `after`). */
  late: Set<string>;
  /** Attribute indexes in the order they are computed (each `after` after the attribute it follows). */
  order: number[];
}

export interface SeedProblem {
  code: string;
  path: string;
  message: string;
  hint: string;
  /** For unknown names: the name written and the names it could have meant (the validator suggests the closest). */
  unknown?: { name: string; candidates: string[] };
}

export interface SeedGraph {
  nodes: SeedNode[];
  byName: Map<string, SeedNode>;
  /** Nodes ordered so every parent and pool comes before the nodes that depend on it. */
  order: SeedNode[];
  /** Entities some node picks from: all their items are kept while seeding. */
  poolTargets: Set<string>;
  problems: SeedProblem[];
}

function problem(
  code: string,
  path: string,
  message: string,
  hint: string,
  unknown?: SeedProblem['unknown'],
): SeedProblem {
  return unknown ? { code, path, message, hint, unknown } : { code, path, message, hint };
}

/** The parent entity: `seed.parent`, else the entity of the first `ref` generator. */
function parentName(attributes: readonly Attribute[], seed: EntitySeed | undefined): string | undefined {
  if (seed?.parent !== undefined) return seed.parent;
  for (const a of attributes) if (a.generator?.kind === 'ref') return a.generator.entity;
  return undefined;
}

function nodeOf(source: Entity | SeedEntity, written: boolean, path: string): SeedNode {
  return {
    name: source.name,
    attributes: source.attributes,
    seed: source.seed,
    entity: written ? (source as Entity) : undefined,
    path,
    parent: undefined,
    children: [],
    before: [],
    after: [],
    pools: new Set(),
    late: new Set(),
    order: [],
  };
}

const list = (names: Iterable<string>): string => [...names].join(', ') || '(none)';

/** Builds the seed graph of a table; never throws: what is wrong is in `problems`, with JSON paths. */
export function seedGraph(table: Table, tablePath: string): SeedGraph {
  const problems: SeedProblem[] = [];
  const nodes: SeedNode[] = [];
  const byName = new Map<string, SeedNode>();
  const add = (node: SeedNode): void => {
    if (byName.has(node.name)) {
      problems.push(
        problem(
          'seed-entity-duplicate',
          `${node.path}.name`,
          `Seed entity "${node.name}" has the name of another entity of table "${table.name}".`,
          'Give every entity and seed entity of a table its own name.',
        ),
      );
      return;
    }
    nodes.push(node);
    byName.set(node.name, node);
  };
  table.entities.forEach((e, i) => add(nodeOf(e, true, `${tablePath}.entities[${i}]`)));
  (table.seedEntities ?? []).forEach((e, i) => add(nodeOf(e, false, `${tablePath}.seedEntities[${i}]`)));
  const names = [...byName.keys()];
  const poolTargets = new Set<string>();

  for (const node of nodes) {
    const parent = parentName(node.attributes, node.seed);
    if (parent !== undefined) {
      const target = byName.get(parent);
      if (!target) {
        const explicit = node.seed?.parent !== undefined;
        const a = node.attributes.findIndex((x) => x.generator?.kind === 'ref');
        problems.push(
          problem(
            explicit ? 'seed-unknown-entity' : 'ref-unknown-entity',
            explicit ? `${node.path}.seed.parent` : `${node.path}.attributes[${a}].generator.entity`,
            `Entity "${node.name}" names "${parent}" as its parent, which is not an entity of table "${table.name}".`,
            `Name one of: ${list(names)}.`,
            { name: parent, candidates: names },
          ),
        );
      } else if (target === node) {
        problems.push(
          problem(
            'seed-cycle',
            `${node.path}.seed`,
            `Entity "${node.name}" is its own parent.`,
            'A parent is another entity: the one whose items this entity hangs under.',
          ),
        );
      } else {
        node.parent = target;
        target.children.push(node);
      }
    }
  }
  for (const node of nodes) checkNode(node, byName, problems, poolTargets);
  const order = orderNodes(nodes, byName, problems);
  return { nodes, byName, order, poolTargets, problems };
}

function attributeOf(node: SeedNode, name: string): Attribute | undefined {
  return node.attributes.find((a) => a.name === name);
}

function membersGenerator(
  node: SeedNode | undefined,
  attribute: string,
): Extract<Generator, { kind: 'members' }> | undefined {
  const generator = node ? attributeOf(node, attribute)?.generator : undefined;
  return generator?.kind === 'members' ? generator : undefined;
}

function checkNode(
  node: SeedNode,
  byName: Map<string, SeedNode>,
  problems: SeedProblem[],
  poolTargets: Set<string>,
): void {
  const names = [...byName.keys()];
  const unknownAttribute = (path: string, owner: SeedNode, name: string, what: string): void => {
    problems.push(
      problem(
        'seed-unknown-attribute',
        path,
        `${what} names "${owner.name}.${name}", but "${owner.name}" has no attribute "${name}".`,
        `Name one of the attributes of "${owner.name}": ${list(owner.attributes.map((a) => a.name))}.`,
        { name, candidates: owner.attributes.map((a) => a.name) },
      ),
    );
  };
  const seed = node.seed;
  if (seed?.perMember !== undefined) {
    const path = `${node.path}.seed.perMember`;
    if (seed.perParent !== undefined || seed.count !== undefined) {
      problems.push(
        problem(
          'seed-count-conflict',
          `${node.path}.seed`,
          `Entity "${node.name}" has perMember together with ${seed.perParent !== undefined ? 'perParent' : 'count'}: its count comes from the members.`,
          'Keep perMember alone (one item per member), or drop it and give a count.',
        ),
      );
    }
    if (!node.parent) {
      problems.push(
        problem(
          'seed-no-parent',
          path,
          `Entity "${node.name}" has one item per member of its parent's "${seed.perMember}", but no parent.`,
          'Add "parent" to its seed block, or a ref generator to the parent entity.',
        ),
      );
    } else if (!membersGenerator(node.parent, seed.perMember)) {
      problems.push(
        attributeOf(node.parent, seed.perMember)
          ? problem(
              'seed-not-members',
              path,
              `"${node.parent.name}.${seed.perMember}" is not made by a members generator, so it has no members to make one item each for.`,
              `Give "${seed.perMember}" the generator { "kind": "members", "entity": "...", "attribute": "...", "count": 2 }.`,
            )
          : problem(
              'seed-unknown-attribute',
              path,
              `perMember names "${node.parent.name}.${seed.perMember}", but "${node.parent.name}" has no attribute "${seed.perMember}".`,
              `Name the members attribute of "${node.parent.name}".`,
            ),
      );
    }
  }
  node.attributes.forEach((attribute, i) => {
    const generator = attribute.generator;
    if (!generator) return;
    const at = `${node.path}.attributes[${i}].generator`;
    switch (generator.kind) {
      case 'date-range': {
        const from = Date.parse(generator.from);
        const to = Date.parse(generator.to);
        if (from > to)
          problems.push(
            problem(
              'seed-date-range-reversed',
              at,
              `The date range of "${node.name}.${attribute.name}" runs backwards: from ${generator.from} is after to ${generator.to}.`,
              'Swap "from" and "to".',
            ),
          );
        break;
      }
      case 'ref': {
        const target = byName.get(generator.entity);
        if (!target) {
          if (node.seed?.parent !== undefined || node.attributes.findIndex((x) => x.generator?.kind === 'ref') !== i)
            problems.push(
              problem(
                'ref-unknown-entity',
                `${at}.entity`,
                `Attribute "${attribute.name}" of "${node.name}" refers to entity "${generator.entity}", which is not in this table.`,
                `Name one of: ${list(names)}.`,
                { name: generator.entity, candidates: names },
              ),
            );
          return;
        }
        if (!attributeOf(target, generator.attribute)) {
          problems.push(
            problem(
              'ref-unknown-attribute',
              `${at}.attribute`,
              `Attribute "${attribute.name}" of "${node.name}" refers to "${generator.entity}.${generator.attribute}", but "${generator.entity}" has no attribute "${generator.attribute}".`,
              `Name one of the attributes of "${generator.entity}": ${list(target.attributes.map((a) => a.name))}.`,
              { name: generator.attribute, candidates: target.attributes.map((a) => a.name) },
            ),
          );
        }
        if (target !== node.parent) {
          node.pools.add(target.name);
          poolTargets.add(target.name);
        }
        return;
      }
      case 'members': {
        const target = byName.get(generator.entity);
        if (!target) {
          problems.push(
            problem(
              'seed-unknown-entity',
              `${at}.entity`,
              `Attribute "${attribute.name}" of "${node.name}" takes its members from "${generator.entity}", which is not in this table.`,
              `Name one of: ${list(names)}.`,
              { name: generator.entity, candidates: names },
            ),
          );
          return;
        }
        if (target.parent) {
          problems.push(
            problem(
              'seed-members-not-root',
              `${at}.entity`,
              `Members come from "${generator.entity}", which has a parent ("${target.parent.name}"); members are picked from a root entity, generated in full first.`,
              `Pick members from an entity without a parent (e.g. the users).`,
            ),
          );
        }
        if (!attributeOf(target, generator.attribute))
          unknownAttribute(`${at}.attribute`, target, generator.attribute, `Attribute "${attribute.name}"`);
        if (!['SS', 'NS', 'BS', 'L'].includes(attribute.type)) {
          problems.push(
            problem(
              'seed-members-type',
              `${node.path}.attributes[${i}].type`,
              `Attribute "${attribute.name}" holds members but has type ${attribute.type}.`,
              'Give it a set type (SS, NS, BS) or L: the value lists every member.',
            ),
          );
        }
        if (target !== node.parent) node.pools.add(target.name);
        poolTargets.add(target.name);
        return;
      }
      case 'member': {
        if (!node.parent) {
          problems.push(
            problem(
              'seed-no-parent',
              at,
              `Attribute "${attribute.name}" of "${node.name}" reads a member of its parent's "${generator.of}", but "${node.name}" has no parent.`,
              'Add "parent" to the seed block, or a ref generator to the parent entity.',
            ),
          );
          return;
        }
        const members = membersGenerator(node.parent, generator.of);
        if (!members) {
          if (!attributeOf(node.parent, generator.of))
            unknownAttribute(`${at}.of`, node.parent, generator.of, `Attribute "${attribute.name}"`);
          else
            problems.push(
              problem(
                'seed-not-members',
                `${at}.of`,
                `"${node.parent.name}.${generator.of}" is not made by a members generator.`,
                `Give "${generator.of}" a members generator, or read another attribute with ref.`,
              ),
            );
          return;
        }
        const pool = byName.get(members.entity);
        if (pool && !attributeOf(pool, generator.attribute))
          unknownAttribute(`${at}.attribute`, pool, generator.attribute, `Attribute "${attribute.name}"`);
        if (generator.which !== 'any' && node.seed?.perMember !== generator.of) {
          problems.push(
            problem(
              'seed-member-needs-per-member',
              `${at}.which`,
              `"${generator.which}" member of "${generator.of}" needs one item per member, but "${node.name}" has no seed.perMember "${generator.of}".`,
              `Add "perMember": "${generator.of}" to the seed block of "${node.name}", or use "which": "any".`,
            ),
          );
        }
        return;
      }
      case 'aggregate': {
        const child = byName.get(generator.of);
        if (!child) {
          problems.push(
            problem(
              'seed-unknown-entity',
              `${at}.of`,
              `Attribute "${attribute.name}" of "${node.name}" aggregates over "${generator.of}", which is not in this table.`,
              `Name a child entity of "${node.name}": ${list(node.children.map((c) => c.name))}.`,
              { name: generator.of, candidates: node.children.map((c) => c.name) },
            ),
          );
          return;
        }
        if (child.parent !== node) {
          problems.push(
            problem(
              'seed-not-a-child',
              `${at}.of`,
              `Attribute "${attribute.name}" of "${node.name}" aggregates over "${generator.of}", which is not a child of "${node.name}".`,
              `Aggregate over a child entity (its parent is "${node.name}"): ${list(node.children.map((c) => c.name))}.`,
            ),
          );
          return;
        }
        if (generator.function !== 'count' && generator.attribute === undefined) {
          problems.push(
            problem(
              'seed-aggregate-incomplete',
              at,
              `The ${generator.function} aggregate of "${node.name}.${attribute.name}" names no attribute of "${child.name}".`,
              'Add "attribute": the child attribute whose value is aggregated.',
            ),
          );
        }
        if (generator.function === 'latest' && generator.by === undefined) {
          problems.push(
            problem(
              'seed-aggregate-incomplete',
              at,
              `The latest aggregate of "${node.name}.${attribute.name}" names no "by" attribute that orders the children.`,
              'Add "by": the child attribute that orders the children (e.g. "created_at").',
            ),
          );
        }
        for (const field of ['attribute', 'by'] as const) {
          const name = generator[field];
          if (name !== undefined && !attributeOf(child, name))
            unknownAttribute(`${at}.${field}`, child, name, `The aggregate of "${node.name}.${attribute.name}"`);
        }
        if (!node.before.includes(child)) node.before.push(child);
        return;
      }
      case 'after': {
        if (!attributeOf(node, generator.attribute))
          unknownAttribute(`${at}.attribute`, node, generator.attribute, `Attribute "${attribute.name}"`);
        if (parseDuration(generator.within) === undefined) {
          problems.push(
            problem(
              'seed-duration-invalid',
              `${at}.within`,
              `"${generator.within}" is not an ISO 8601 duration.`,
              'Write a duration such as PT30S, PT5M, PT1H or P2D (days, hours, minutes, seconds).',
            ),
          );
        }
        return;
      }
      default:
        return;
    }
  });
  orderAttributes(node, problems);
}

/** Orders the attributes of one entity (`after` after what it follows) and marks the ones computed from children. */
function orderAttributes(node: SeedNode, problems: SeedProblem[]): void {
  const index = new Map(node.attributes.map((a, i) => [a.name, i]));
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (i: number, chain: string[]): void => {
    const attribute = node.attributes[i]!;
    if (state.get(i) === 'done') return;
    if (state.get(i) === 'visiting') {
      problems.push(
        problem(
          'seed-cycle',
          `${node.path}.attributes[${i}].generator`,
          `The "after" generators of "${node.name}" form a cycle: ${[...chain, attribute.name].join(' → ')}.`,
          'Start the chain at an attribute with another generator (e.g. a date-range).',
        ),
      );
      return;
    }
    state.set(i, 'visiting');
    const generator = attribute.generator;
    if (generator?.kind === 'after') {
      const j = index.get(generator.attribute);
      if (j !== undefined) {
        visit(j, [...chain, attribute.name]);
        if (node.late.has(generator.attribute)) node.late.add(attribute.name);
      }
    }
    if (generator?.kind === 'aggregate') node.late.add(attribute.name);
    state.set(i, 'done');
    node.order.push(i);
  };
  node.attributes.forEach((_, i) => visit(i, []));
}

/**
 * Orders the nodes (parents and pools first) and refuses cycles: between entities (parents and pools), and between
 * a parent that aggregates over a child and that child copying the aggregate.
 */
function orderNodes(nodes: SeedNode[], byName: Map<string, SeedNode>, problems: SeedProblem[]): SeedNode[] {
  for (const node of nodes) {
    const parent = node.parent;
    if (!parent) continue;
    if (!parent.before.includes(node)) parent.after.push(node);
    node.attributes.forEach((attribute, i) => {
      const generator = attribute.generator;
      if (generator?.kind === 'ref' && generator.entity === parent.name && parent.late.has(generator.attribute)) {
        if (parent.before.includes(node))
          problems.push(
            problem(
              'seed-cycle',
              `${node.path}.attributes[${i}].generator`,
              `"${node.name}.${attribute.name}" copies "${parent.name}.${generator.attribute}", which is computed from the items of "${node.name}" themselves.`,
              `Copy the aggregate in another child of "${parent.name}", or generate "${attribute.name}" here.`,
            ),
          );
      }
    });
  }
  const order: SeedNode[] = [];
  const state = new Map<SeedNode, 'visiting' | 'done'>();
  const visit = (node: SeedNode, chain: string[]): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'visiting') {
      problems.push(
        problem(
          'seed-cycle',
          node.path,
          `The seed generators form a cycle: ${[...chain, node.name].join(' → ')}.`,
          'A child takes values from its parent and from other entities; none of those may take values (directly or not) from the child.',
        ),
      );
      return;
    }
    state.set(node, 'visiting');
    const next = [...(node.parent ? [node.parent] : []), ...[...node.pools].flatMap((n) => byName.get(n) ?? [])];
    for (const dep of next) visit(dep, [...chain, node.name]);
    state.set(node, 'done');
    order.push(node);
  };
  for (const node of nodes) visit(node, []);
  return order;
}
