import type { IndexView } from '../model/indexes.js';
import { describeConditions, type Condition } from './conditions.js';
import { entityTemplate } from './key-values.js';
import type { PatternContext } from './pattern-context.js';

/** Pieces of the one-line summary of a resolved read. */
export function filterText(filters: Condition[]): string {
  return filters.length ? `, filtered by ${describeConditions(filters)}` : '';
}
const TIME_LIKE = /(_at|At|date|Date|time|Time|timestamp|created|updated)$/;
const TIME_PARAMETER = /\{[^{}]*(_at|date|time|timestamp)\}/i;

/** "newest first" when the sort key is a time (by its name or its template's parameter), else plain direction. */
export function orderText(ctx: PatternContext, view: IndexView): string {
  if (ctx.pattern.order === undefined) return '';
  const sortName = view.sortKey?.name ?? '';
  const template = entityTemplate(ctx, sortName) ?? '';
  const timeLike = TIME_LIKE.test(sortName) || TIME_PARAMETER.test(template);
  if (timeLike) return ctx.pattern.order === 'desc' ? ', newest first' : ', oldest first';
  return ctx.pattern.order === 'desc'
    ? `, ${sortName || 'sort key'} descending`
    : `, ${sortName || 'sort key'} ascending`;
}
export function limitText(ctx: PatternContext): string {
  return ctx.pattern.limit !== undefined ? `, limit ${ctx.pattern.limit}` : '';
}
export function projectionText(ctx: PatternContext): string {
  return ctx.pattern.projection?.length ? `, returning ${ctx.pattern.projection.join(', ')}` : '';
}
