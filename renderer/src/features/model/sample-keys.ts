import type { AttributeValue, Item } from '../../../../shared/model/attribute-value.js';
import { renderTemplate, type TemplateValue, tryParseTemplate } from '../../../../shared/keys/template.js';
import type { Diagnostic } from '../../../../shared/model/diagnostic.js';
import type { KeyTypeName } from '../../../../shared/model/attribute-value.js';
import { editModel } from '../../state/model-store.js';
import { parsePath } from '../../state/json-path.js';

/** Sample items whose stored key `keyName` does not fit the entity's template (the validator's sample-key-mismatch). */
export function sampleKeyMismatches(diagnostics: readonly Diagnostic[], entityPath: string, keyName: string): number[] {
  const base = parsePath(entityPath);
  const out: number[] = [];
  for (const d of diagnostics) {
    if (d.code !== 'sample-key-mismatch') continue;
    const s = parsePath(d.path);
    if (s.length !== base.length + 3 || base.some((segment, i) => s[i] !== segment)) continue;
    const [list, index, key] = s.slice(base.length);
    if (list === 'sampleItems' && typeof index === 'number' && key === keyName) out.push(index);
  }
  return out;
}

function templateValues(item: Item): Record<string, TemplateValue> {
  const values: Record<string, TemplateValue> = {};
  for (const [name, value] of Object.entries(item)) {
    if ('S' in value) values[name] = value.S;
    else if ('N' in value) values[name] = value.N;
    else if ('B' in value) values[name] = value.B;
    else if ('BOOL' in value) values[name] = value.BOOL;
  }
  return values;
}

/**
 * Rewrites the stored key `keyName` of the listed sample items from the template and each item's own attribute
 * values, in one undoable edit (an explicit action: stored values never change behind the user's back). Items whose
 * values cannot render the template keep their key; returns how many were rewritten.
 */
export function rewriteSampleKeys(
  entityPath: string,
  keyName: string,
  keyType: KeyTypeName,
  template: string,
  indexes: readonly number[],
): number {
  const parsed = tryParseTemplate(template);
  const s = parsePath(entityPath);
  const [ti, ei] = [s[1], s[3]];
  if (!parsed || typeof ti !== 'number' || typeof ei !== 'number') return 0;
  let count = 0;
  editModel(`Rewrite sample ${keyName} keys`, (draft) => {
    const items = draft.tables[ti]?.entities[ei]?.sampleItems;
    if (!items) return;
    for (const i of indexes) {
      const item = items[i];
      if (!item) continue;
      let rendered: string;
      try {
        rendered = renderTemplate(parsed, templateValues(item as Item));
      } catch {
        continue;
      }
      const value: AttributeValue =
        keyType === 'N' ? { N: rendered } : keyType === 'B' ? { B: rendered } : { S: rendered };
      item[keyName] = value;
      count++;
    }
  });
  return count;
}
