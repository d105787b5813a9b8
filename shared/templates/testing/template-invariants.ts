import type { AttributeValue, Item } from '../../model/attribute-value.js';

/**
 * The domain invariants of each built-in template, checked on a set of rows (a seed plan's items or a Scan of the
 * seeded table). Each returns the violations as sentences; an empty list means the data is true to the domain.
 * Test-only: used by the plan tests and by the live-engine tests after `seed`.
 */
const text = (v: AttributeValue | undefined): string | undefined =>
  v === undefined ? undefined : 'S' in v ? v.S : 'N' in v ? v.N : undefined;
const num = (v: AttributeValue | undefined): number => Number(text(v));
const s = (item: Item, name: string): string => text(item[name]) ?? '';

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const bucket = out.get(k);
    if (bucket) bucket.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** The busiest parent has at least twice the median number of children, and not every parent has the same. */
function skewProblem(what: string, counts: number[]): string[] {
  const sorted = [...counts].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const max = sorted.at(-1) ?? 0;
  return sorted[0] === max || max < 2 * median ? [`${what} are not skewed: ${sorted.join(', ')}`] : [];
}

function cruddur(items: readonly Item[]): string[] {
  const out: string[] = [];
  const groups = items.filter((i) => s(i, 'pk').startsWith('GRP#'));
  const messages = items.filter((i) => s(i, 'pk').startsWith('MSG#'));
  const rowsOf = groupBy(groups, (g) => s(g, 'message_group_uuid'));
  const messagesOf = groupBy(messages, (m) => s(m, 'message_group_uuid'));
  for (const [id, rows] of rowsOf) {
    if (rows.length !== 2) {
      out.push(`conversation ${id} has ${rows.length} group rows, not one per participant`);
      continue;
    }
    const [a, b] = rows as [Item, Item];
    if (s(a, 'user_uuid') !== s(b, 'other_user_uuid') || s(b, 'user_uuid') !== s(a, 'other_user_uuid'))
      out.push(`conversation ${id}: the two group rows do not name each other's user`);
    if (s(a, 'user_uuid') === s(b, 'user_uuid')) out.push(`conversation ${id}: a user talks to themselves`);
    // Who is who: a row's other_user_* describe the user of the other row.
    const people = new Map([
      [s(b, 'user_uuid'), [s(a, 'other_user_display_name'), s(a, 'other_user_handle')]],
      [s(a, 'user_uuid'), [s(b, 'other_user_display_name'), s(b, 'other_user_handle')]],
    ]);
    const own = messagesOf.get(id) ?? [];
    if (own.length === 0) out.push(`conversation ${id} has no messages`);
    for (const m of own) {
      const person = people.get(s(m, 'user_uuid'));
      if (!person)
        out.push(`message ${s(m, 'message_uuid')} is sent by ${s(m, 'user_uuid')}, not a participant of ${id}`);
      else if (person[0] !== s(m, 'user_display_name') || person[1] !== s(m, 'user_handle'))
        out.push(`message ${s(m, 'message_uuid')}: the sender's name or handle is not the participant's`);
    }
    const newest = [...own].sort((x, y) => s(y, 'created_at').localeCompare(s(x, 'created_at')))[0];
    for (const row of rows) {
      if (newest && s(row, 'last_message_at') !== s(newest, 'created_at'))
        out.push(`group row ${s(row, 'pk')}: last_message_at is not the newest message's time`);
      if (newest && s(row, 'message') !== s(newest, 'message'))
        out.push(`group row ${s(row, 'pk')}: message is not the newest message's text`);
      if (s(row, 'updated_at') < s(row, 'last_message_at'))
        out.push(`group row ${s(row, 'pk')}: updated_at is before last_message_at`);
    }
  }
  for (const id of messagesOf.keys()) if (!rowsOf.has(id)) out.push(`messages of ${id} belong to no conversation`);
  const perUser = groupBy(groups, (g) => s(g, 'user_uuid'));
  out.push(
    ...skewProblem(
      'conversations per user',
      [...perUser.values()].map((l) => l.length),
    ),
  );
  return out;
}

function onlineShop(items: readonly Item[]): string[] {
  const out: string[] = [];
  const customers = new Set(items.filter((i) => s(i, 'entity_type') === 'Customer').map((i) => s(i, 'customer_id')));
  const orders = items.filter((i) => s(i, 'entity_type') === 'Order');
  const lines = groupBy(
    items.filter((i) => s(i, 'entity_type') === 'OrderLine'),
    (l) => s(l, 'order_id'),
  );
  for (const order of orders) {
    const id = s(order, 'order_id');
    if (!customers.has(s(order, 'customer_id'))) out.push(`order ${id} belongs to no customer`);
    const own = lines.get(id) ?? [];
    if (own.length === 0) out.push(`order ${id} has no lines`);
    if (num(order.line_count) !== own.length) out.push(`order ${id}: line_count is not its number of lines`);
    const products = new Set(own.map((l) => s(l, 'product_id')));
    if (products.size !== own.length) out.push(`order ${id} has two lines for one product`);
  }
  for (const id of lines.keys())
    if (!orders.some((o) => s(o, 'order_id') === id)) out.push(`lines of ${id} have no order`);
  const perCustomer = groupBy(orders, (o) => s(o, 'customer_id'));
  out.push(
    ...skewProblem(
      'orders per customer',
      [...perCustomer.values()].map((l) => l.length),
    ),
  );
  return out;
}

function multiTenantSaas(items: readonly Item[]): string[] {
  const out: string[] = [];
  const tenants = items.filter((i) => s(i, 'sk') === 'TENANT');
  const users = items.filter((i) => s(i, 'sk').startsWith('USER#'));
  const invites = items.filter((i) => s(i, 'sk').startsWith('INVITE#'));
  const usersOf = groupBy(users, (u) => s(u, 'tenant_id'));
  for (const t of tenants) {
    const id = s(t, 'tenant_id');
    const own = usersOf.get(id) ?? [];
    if (num(t.user_count) !== own.length) out.push(`tenant ${id}: user_count is not its number of users`);
  }
  for (const invite of invites) {
    const inviters = new Set((usersOf.get(s(invite, 'tenant_id')) ?? []).map((u) => s(u, 'user_id')));
    if (!inviters.has(s(invite, 'invited_by')))
      out.push(`invite ${s(invite, 'pk')} ${s(invite, 'sk')} was sent by someone outside the tenant`);
  }
  out.push(
    ...skewProblem(
      'users per tenant',
      [...usersOf.values()].map((l) => l.length),
    ),
  );
  return out;
}

function gameLeaderboard(items: readonly Item[]): string[] {
  const out: string[] = [];
  const players = items.filter((i) => s(i, 'sk') === 'PROFILE');
  const scoresOf = groupBy(
    items.filter((i) => s(i, 'sk').startsWith('GAME#')),
    (x) => s(x, 'player_id'),
  );
  for (const p of players) {
    const id = s(p, 'player_id');
    const own = scoresOf.get(id) ?? [];
    for (const score of own)
      if (s(score, 'player_name') !== s(p, 'player_name')) out.push(`score of ${id} carries another player's name`);
    const best = Math.max(...own.map((x) => num(x.score)));
    if (own.length > 0 && num(p.best_score) !== best)
      out.push(`player ${id}: best_score is not the best of its scores`);
    if (num(p.games_played) !== own.length) out.push(`player ${id}: games_played is not its number of scores`);
  }
  const keys = new Set(items.map((i) => `${s(i, 'pk')} ${s(i, 'sk')}`));
  if (keys.size !== items.length) out.push('two rows share a primary key');
  return out;
}

export const TEMPLATE_INVARIANTS: Readonly<Record<string, (items: readonly Item[]) => string[]>> = {
  'cruddur-messaging': cruddur,
  'online-shop': onlineShop,
  'multi-tenant-saas': multiTenantSaas,
  'game-leaderboard': gameLeaderboard,
};
