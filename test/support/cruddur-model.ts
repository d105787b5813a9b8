import type { AccessPattern, Model, Table } from '../../shared/model/schema.js';
import { cruddurMessaging } from '../../shared/templates/cruddur-messaging.js';

export interface CruddurOptions {
  /** Another table name, so each test gets a fresh table on one engine. */
  tableName?: string;
  /** Deletion protection and point-in-time recovery on, as a production table has them: then it validates clean. */
  production?: boolean;
  /** Access patterns added after the template's own. */
  patterns?: AccessPattern[];
  /** Any other change to the table, made last. */
  changeTable?: (table: Table) => void;
}

/**
 * The one Cruddur fixture of the tests: the product's `cruddur-messaging` template (message groups per user,
 * messages per group, the GSI `message-group-sk-index`), cloned so a test may change its copy.
 */
export function cruddurModel(options: CruddurOptions = {}): Model {
  const model = structuredClone(cruddurMessaging);
  const table = model.tables[0]!;
  if (options.tableName) table.name = options.tableName;
  if (options.production) {
    table.deletionProtection = true;
    table.pointInTimeRecovery = true;
  }
  if (options.patterns) table.accessPatterns.push(...structuredClone(options.patterns));
  options.changeTable?.(table);
  return model;
}
