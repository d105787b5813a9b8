import type { IndexView } from '../model/indexes.js';
import type { KeyCondition } from '../model/schema.js';
import { report, type PatternContext } from './pattern-context.js';
import { tableFacts, viewNamed } from './table-facts.js';

/** True when the view's keys are exactly what the key condition names (partition, and sort when used). */
export function viewServes(view: IndexView, keyCondition: KeyCondition): boolean {
  if (view.partitionKey.name !== keyCondition.partition.attribute) return false;
  return !keyCondition.sort || view.sortKey?.name === keyCondition.sort.attribute;
}

/**
 * True when items of the entity appear in the view: the entity has a key template for every key of the index
 * (the model's rule: an index key without a template means the entity is not in that sparse index).
 */
export function entityInView(ctx: PatternContext, view: IndexView): boolean {
  if (view.kind === 'table' || !ctx.entity) return true;
  const keys = ctx.entity.keys;
  return view.partitionKey.name in keys && (!view.sortKey || view.sortKey.name in keys);
}

export type IndexChoice =
  | { serves: true; view: IndexView }
  /** No index serves the key condition: the pattern becomes a Scan of `view`. */
  | { serves: false; view: IndexView };

/**
 * The table or index that serves a key condition: an explicit `index` when it can, else the first view
 * (table, GSIs, LSIs in model order) with matching keys that holds the entity's items.
 */
export function chooseIndex(ctx: PatternContext, keyCondition: KeyCondition): IndexChoice {
  const { views } = tableFacts(ctx.table);
  const tableView = views[0]!;
  const wanted = ctx.pattern.index;
  if (wanted !== undefined) {
    const view = viewNamed(ctx.table, wanted);
    if (!view) {
      const names = views.slice(1).map((v) => v.name);
      report(
        ctx,
        'error',
        'pattern-unknown-index',
        '.index',
        `table "${ctx.table.name}" has no index "${wanted}".`,
        names.length
          ? `Use one of: ${names.join(', ')}; or remove "index" to let Monotable choose.`
          : 'The table has no secondary indexes; remove "index".',
      );
      return { serves: false, view: tableView };
    }
    if (!viewServes(view, keyCondition)) {
      const keys = [view.partitionKey.name, view.sortKey?.name].filter(Boolean).join(' + ');
      report(
        ctx,
        'error',
        'pattern-index-cannot-serve',
        '.index',
        `index "${wanted}" (keys ${keys}) cannot serve a key condition on ${describeKeys(keyCondition)}.`,
        'Name an index whose partition key (and sort key, if the condition uses one) are those attributes, or remove "index".',
      );
      return { serves: false, view };
    }
    warnIfEntityMissing(ctx, view);
    return { serves: true, view };
  }
  // The first serving view that holds the entity, else the first serving view (with a warning).
  let firstServing: IndexView | undefined;
  for (let i = 0; i < views.length; i++) {
    const view = views[i]!;
    if (!viewServes(view, keyCondition)) continue;
    if (entityInView(ctx, view)) return { serves: true, view };
    firstServing ??= view;
  }
  if (firstServing) {
    warnIfEntityMissing(ctx, firstServing);
    return { serves: true, view: firstServing };
  }
  return { serves: false, view: tableView };
}

function describeKeys(keyCondition: KeyCondition): string {
  return [keyCondition.partition.attribute, keyCondition.sort?.attribute].filter(Boolean).join(' + ');
}

function warnIfEntityMissing(ctx: PatternContext, view: IndexView): void {
  if (entityInView(ctx, view)) return;
  report(
    ctx,
    'warning',
    'pattern-entity-not-in-index',
    '.entity',
    `entity "${ctx.pattern.entity}" has no value for the keys of index "${view.name}", so none of its items are in that sparse index.`,
    `Add key templates for ${[view.partitionKey.name, view.sortKey?.name].filter(Boolean).join(' and ')} to the entity, or query another index.`,
  );
}
