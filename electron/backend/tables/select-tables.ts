import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { selectTables } from '../../../shared/model/find-table.js';
import type { Model, Table } from '../../../shared/model/schema.js';

export { selectTables };

/** Exactly one table: the one named, or the model's only table. */
export function selectOneTable(model: Model, tableName?: string): Table {
  const tables = selectTables(model, tableName);
  if (tables.length !== 1) {
    throw new MonotableError('AMBIGUOUS', `The model has ${tables.length} tables; say which one.`, {
      hint: `Add --table with one of: ${tables.map((t) => t.name).join(', ')}.`,
    });
  }
  return tables[0]!;
}
