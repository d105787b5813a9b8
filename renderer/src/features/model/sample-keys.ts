import type { Diagnostic } from '../../../../shared/model/diagnostic.js';
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
