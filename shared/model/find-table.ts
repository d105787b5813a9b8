import { MonotableError } from '../errors/monotable-error.js';
import type { Model, Table } from './schema.js';

/** The model's table of that name, or NOT_FOUND listing the tables it has (the one lookup every part uses). */
export function findTable(model: Model, tableName: string): Table {
  const table = model.tables.find((t) => t.name === tableName);
  if (table) return table;
  const names = model.tables.map((t) => t.name);
  throw new MonotableError('NOT_FOUND', `The model "${model.name}" has no table "${tableName}".`, {
    path: '$.tables',
    hint: names.length > 0 ? `Use one of: ${names.join(', ')}.` : 'The model has no tables; add one first.',
    tables: names,
  });
}

/** The tables to work on (`--table T`): the one named, or all of them when no name is given. */
export function selectTables(model: Model, tableName: string | undefined): Table[] {
  return tableName === undefined ? model.tables : [findTable(model, tableName)];
}

/** Exactly one table: the one named, or the model's only table (AMBIGUOUS when it has several). */
export function selectOneTable(model: Model, tableName?: string): Table {
  const tables = selectTables(model, tableName);
  if (tables.length !== 1) {
    throw new MonotableError('AMBIGUOUS', `The model has ${tables.length} tables; say which one.`, {
      hint: `Add --table with one of: ${tables.map((t) => t.name).join(', ')}.`,
    });
  }
  return tables[0]!;
}
