import { keyDeclarations } from './key-info.js';
import { EntityCache, ReportRecorder, replay, type RecordedReport } from './entity-cache.js';
import type { PathSegment, Reporter, RuleContext } from './rule-context.js';
import { isReservedWord } from './reserved-words.js';

function reservedInfo(context: Reporter, name: string, path: PathSegment[], what: string): void {
  if (!isReservedWord(name)) return;
  context.report(
    'reserved-word',
    'info',
    path,
    `The ${what} name "${name}" is a DynamoDB reserved word: expressions must alias it (#name). Monotable's requests and generated code always do.`,
    'Nothing to do for Monotable; hand-written expressions must use ExpressionAttributeNames for it.',
  );
}

/** Reserved-word findings per attributes array (an edit elsewhere does not look them up again). */
const reservedCache = new EntityCache<RecordedReport[]>();

/** Reserved-word attribute names (info) and production safety settings (warnings). */
export function checkDesignLints(context: RuleContext): void {
  context.model.tables.forEach((table, t) => {
    const tablePath: PathSegment[] = ['tables', t];
    const declared = new Set(table.entities.flatMap((e) => e.attributes.map((a) => a.name)));
    for (const { key, path } of keyDeclarations(table)) {
      if (declared.has(key.name)) continue; // reported once, at the attribute
      declared.add(key.name);
      reservedInfo(context, key.name, [...tablePath, ...path], 'key attribute');
    }
    table.entities.forEach((entity, e) => {
      const reports = reservedCache.get(entity.attributes, [], () => {
        const recorder = new ReportRecorder();
        entity.attributes.forEach((attribute, a) =>
          reservedInfo(recorder, attribute.name, ['attributes', a, 'name'], 'attribute'),
        );
        return recorder.reports;
      });
      replay(context, reports, [...tablePath, 'entities', e]);
    });
    if (table.deletionProtection !== true) {
      context.report(
        'deletion-protection-off',
        'warning',
        [...tablePath, 'deletionProtection'],
        `Table "${table.name}" has deletion protection off: on AWS one DeleteTable call removes it with all its data.`,
        'Set "deletionProtection": true for tables that hold real data.',
      );
    }
    if (table.pointInTimeRecovery !== true) {
      context.report(
        'pitr-off',
        'warning',
        [...tablePath, 'pointInTimeRecovery'],
        `Table "${table.name}" has point-in-time recovery off: on AWS, data overwritten or deleted by mistake cannot be restored.`,
        'Set "pointInTimeRecovery": true for tables that hold real data.',
      );
    }
  });
}
