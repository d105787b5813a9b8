export { selectOneTable, selectTables } from '../../../shared/model/find-table.js';
