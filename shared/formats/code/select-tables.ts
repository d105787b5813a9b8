import { MonotableError } from '../../errors/monotable-error.js';
import type { Model, Table } from '../../model/schema.js';

/** The tables a generator writes code for: the one named by `--table`, or all of them. */
export function selectTables(model: Model, table: string | undefined): Table[] {
  if (table === undefined) return model.tables;
  const found = model.tables.find((t) => t.name === table);
  if (!found) {
    throw new MonotableError('NOT_FOUND', `The model "${model.name}" has no table "${table}".`, {
      path: '$.tables',
      hint: `Use one of: ${model.tables.map((t) => t.name).join(', ') || '(the model has no tables)'}.`,
    });
  }
  return [found];
}
