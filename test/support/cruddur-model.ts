import type { Item } from '../../shared/model/attribute-value.js';
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

const text = (item: Item | undefined, name: string): string => {
  const value = item?.[name];
  if (!value || !('S' in value)) throw new Error(`the cruddur-messaging template has no text "${name}" in its samples`);
  return value.S;
};
const [groupRows, messageRows] = cruddurMessaging.tables[0]!.entities.map((e) => e.sampleItems ?? []);

/**
 * The template's sample data, named for the tests: one conversation between two users, a group row for each of
 * them (both sorted at the time of the last message), and three messages in time order.
 */
export const CRUDDUR_SAMPLES = {
  group: text(groupRows?.[0], 'message_group_uuid'),
  user: text(groupRows?.[0], 'user_uuid'),
  otherUser: text(groupRows?.[1], 'user_uuid'),
  messages: (messageRows ?? []).map((m) => ({ createdAt: text(m, 'created_at'), message: text(m, 'message') })),
};
