import { findTemplate } from '../../../../shared/templates/index.js';
import { openModel } from '../../state/model-store.js';
import { showScreen } from '../../state/navigation.js';
import { select } from '../../state/selection.js';

/** Opens a fresh copy of a built-in template as an unsaved model (Save as writes it to a file). */
export function openTemplate(name: string): void {
  const template = findTemplate(name);
  if (!template) return;
  openModel(template.model, undefined, { saved: false });
  const table = template.model.tables[0];
  select(table ? { kind: 'table', table: table.name, path: '$.tables[0]' } : undefined);
  showScreen('model');
}
