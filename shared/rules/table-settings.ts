import type { AutoScalingSchema } from '../model/schema.js';
import type { z } from 'zod';
import type { PathSegment, RuleContext } from './rule-context.js';

type AutoScaling = z.infer<typeof AutoScalingSchema>;
const MAX_TAGS = 50;

function checkAutoScaling(context: RuleContext, scaling: AutoScaling, path: PathSegment[], tableName: string): void {
  for (const [min, max, what] of [
    [scaling.minRead, scaling.maxRead, 'Read'],
    [scaling.minWrite, scaling.maxWrite, 'Write'],
  ] as const) {
    if (min > max) {
      context.report(
        'autoscaling-invalid',
        'error',
        [...path, `min${what}`],
        `Table "${tableName}": auto scaling min${what} (${min}) is above max${what} (${max}).`,
        `Make min${what} at most max${what}.`,
      );
    }
  }
  if (scaling.targetUtilization < 20 || scaling.targetUtilization > 90) {
    context.report(
      'autoscaling-invalid',
      'error',
      [...path, 'targetUtilization'],
      `Table "${tableName}": auto scaling target utilization ${scaling.targetUtilization}% is outside the 20–90% that Application Auto Scaling accepts for DynamoDB.`,
      'Use a target between 20 and 90 (70 is the usual default).',
    );
  }
}

/** Billing and tags: auto-scaling ranges, AWS tag limits (≤ 50 tags, keys 1–128 and values ≤ 256 characters, no aws: prefix). */
export function checkTableSettings(context: RuleContext): void {
  context.model.tables.forEach((table, t) => {
    const tablePath: PathSegment[] = ['tables', t];
    if (table.billing.mode === 'provisioned' && table.billing.autoScaling) {
      checkAutoScaling(context, table.billing.autoScaling, [...tablePath, 'billing', 'autoScaling'], table.name);
    }
    const tags = Object.entries(table.tags ?? {});
    if (tags.length > MAX_TAGS) {
      context.report(
        'tag-invalid',
        'error',
        [...tablePath, 'tags'],
        `Table "${table.name}" has ${tags.length} tags; AWS allows at most ${MAX_TAGS} per resource.`,
        'Remove some tags.',
      );
    }
    for (const [key, value] of tags) {
      const path = [...tablePath, 'tags', key];
      if (key.length === 0 || key.length > 128) {
        context.report(
          'tag-invalid',
          'error',
          path,
          `Tag key "${key.slice(0, 40)}" has ${key.length} characters; tag keys need 1 to 128.`,
          'Shorten the tag key.',
        );
      } else if (key.toLowerCase().startsWith('aws:')) {
        context.report(
          'tag-invalid',
          'error',
          path,
          `Tag key "${key}" starts with "aws:", which AWS reserves for its own tags.`,
          'Use another prefix.',
        );
      }
      if (value.length > 256) {
        context.report(
          'tag-invalid',
          'error',
          path,
          `The value of tag "${key}" has ${value.length} characters; tag values may have at most 256.`,
          'Shorten the tag value.',
        );
      }
    }
  });
}
