import { MonotableError } from '../../../shared/errors/monotable-error.js';
import type { Model, Table } from '../../../shared/model/schema.js';

/** The model's tables to work on: the one named, or all of them. */
export function selectTables(model: Model, tableName?: string): Table[] {
  if (tableName === undefined) return model.tables;
  const table = model.tables.find((t) => t.name === tableName);
  if (!table) {
    const names = model.tables.map((t) => t.name).join(', ') || '(none)';
    throw new MonotableError('NOT_FOUND', `The model has no table "${tableName}".`, { hint: `Tables in the model: ${names}.` });
  }
  return [table];
}

/** Exactly one table: the one named, or the model's only table. */
export function selectOneTable(model: Model, tableName?: string): Table {
  const tables = selectTables(model, tableName);
  if (tables.length !== 1) {
    throw new MonotableError('AMBIGUOUS', `The model has ${tables.length} tables; say which one.`, { hint: `Add --table with one of: ${tables.map((t) => t.name).join(', ')}.` });
  }
  return tables[0]!;
}
