export { addMissingIndexes } from './add-missing-indexes.js';
export { compareTable, type Difference } from './compare-table.js';
export { createTables, TTL_NOT_SUPPORTED, type CreatedTable, type CreateTablesOptions } from './create-tables.js';
export { deleteTable, type DeleteTableOptions } from './delete-table.js';
export { describeTable, listTables } from './describe-table.js';
export { driftReport } from './drift.js';
export { selectOneTable, selectTables } from './select-tables.js';
export type { TableProgress, TableWorkOptions } from './table-progress.js';
export { waitForActive } from './wait-for-active.js';
