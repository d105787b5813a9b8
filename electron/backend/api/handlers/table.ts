import type { Contract } from '../../../../shared/api/contract.js';
import { MonotableError } from '../../../../shared/errors/monotable-error.js';
import { findTable } from '../../../../shared/model/find-table.js';
import type { Model } from '../../../../shared/model/schema.js';
import { validate } from '../../../../shared/rules/validate.js';
import { getConnection } from '../../connections/connection-registry.js';
import { addMissingIndexes } from '../../tables/add-missing-indexes.js';
import { createTables } from '../../tables/create-tables.js';
import { deleteTable } from '../../tables/delete-table.js';
import { describeTable, listTables } from '../../tables/describe-table.js';
import { driftReport } from '../../tables/drift.js';
import { selectOneTable } from '../../tables/select-tables.js';
import type { Handlers } from '../handler.js';

/** Findings about what lives in a table (entities, seed-only entities, patterns), not about its definition. */
const NOT_THE_DEFINITION = /^\$\.tables\[\d+\]\.(?:entities|seedEntities|accessPatterns)\b/;

/**
 * A model whose table definitions have validation errors (what DynamoDB would reject: names, keys, indexes,
 * billing, TTL) is not created unless forced. Errors in entities and patterns do not stop a create.
 */
function refuseInvalidModel(model: Model): void {
  const errors = validate(model).filter((d) => d.severity === 'error' && !NOT_THE_DEFINITION.test(d.path));
  if (errors.length === 0) return;
  const shown = errors.slice(0, 3).map((d) => `${d.path}: ${d.message}`);
  throw new MonotableError(
    'MODEL_INVALID',
    `The model has ${errors.length} error${errors.length === 1 ? '' : 's'}; no table was created.\n  ${shown.join('\n  ')}${errors.length > 3 ? `\n  … and ${errors.length - 3} more` : ''}`,
    {
      path: errors[0]!.path,
      hint: '`monotable validate` lists them all; fix them, or create anyway with --force.',
    },
  );
}

type TableArea = Pick<
  Contract,
  'table.create' | 'table.list' | 'table.describe' | 'table.delete' | 'table.drift' | 'table.addMissingIndexes'
>;

export const tableHandlers: Handlers<TableArea> = {
  async 'table.create'({ connectionId, model, table, ifNotExists, force }, { signal, emit }) {
    if (force !== true) refuseInvalidModel(model);
    return {
      tables: await createTables(getConnection(connectionId), model, { table, ifNotExists, signal, onProgress: emit }),
    };
  },
  async 'table.list'({ connectionId }, { signal }) {
    return { tables: await listTables(getConnection(connectionId), { signal }) };
  },
  async 'table.describe'({ connectionId, table }, { signal }) {
    const description = await describeTable(getConnection(connectionId), table, { signal });
    // Plain JSON (dates as ISO text) so every transport carries the same value.
    return { description: JSON.parse(JSON.stringify(description)) as Record<string, unknown> };
  },
  async 'table.delete'({ connectionId, table, confirm, model }, { signal, emit }) {
    // With a model, only one of its tables may be deleted (a typo never reaches DeleteTable).
    if (model) findTable(model, table);
    return deleteTable(getConnection(connectionId), table, { confirm, model, signal, onProgress: emit });
  },
  async 'table.drift'({ connectionId, model, table }, { signal }) {
    const name = selectOneTable(model, table).name;
    return { table: name, differences: await driftReport(getConnection(connectionId), model, name, { signal }) };
  },
  async 'table.addMissingIndexes'({ connectionId, model, table }, { signal, emit }) {
    return { added: await addMissingIndexes(getConnection(connectionId), model, table, { signal, onProgress: emit }) };
  },
};
