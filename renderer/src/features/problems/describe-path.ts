import type { Model } from '../../../../shared/model/schema.js';
import { parsePath } from '../../state/json-path.js';

/** A JSON path in words: `$.tables[0].entities[1].keys.sk` → `cruddur-messages › Message › keys.sk`. */
export function describePath(model: Model, path: string): string {
  const s = parsePath(path);
  const parts: string[] = [];
  let rest = 0;
  const table = s[0] === 'tables' && typeof s[1] === 'number' ? model.tables[s[1]] : undefined;
  if (table) {
    parts.push(table.name);
    rest = 2;
    const kind = s[2];
    const index = s[3];
    if (typeof index === 'number') {
      const named =
        kind === 'entities'
          ? table.entities[index]
          : kind === 'seedEntities'
            ? table.seedEntities?.[index]
            : kind === 'accessPatterns'
              ? table.accessPatterns[index]
              : kind === 'globalSecondaryIndexes'
                ? table.globalSecondaryIndexes?.[index]
                : kind === 'localSecondaryIndexes'
                  ? table.localSecondaryIndexes?.[index]
                  : undefined;
      if (named) {
        parts.push(named.name);
        rest = 4;
        if ((kind === 'entities' || kind === 'seedEntities') && s[4] === 'attributes' && typeof s[5] === 'number') {
          const owner = kind === 'entities' ? table.entities[index] : table.seedEntities?.[index];
          const attribute = owner?.attributes[s[5]];
          if (attribute) {
            parts.push(attribute.name);
            rest = 6;
          }
        }
      }
    }
  } else if (s.length === 0) return 'model';
  const tail = s
    .slice(rest)
    .map((x) => (typeof x === 'number' ? `[${x}]` : x))
    .join('.')
    .replaceAll('.[', '[');
  if (tail) parts.push(tail);
  return parts.join(' › ');
}
