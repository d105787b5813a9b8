// UpdateTimeToLive / DescribeTimeToLive and expiry, which dynalite lacks. The setting is kept in the engine's own
// LevelDB (so it survives a restart on disk), tied to the table's creation time (a table created again under the
// same name starts without TTL). A sweeper deletes expired items every few seconds: within a minute, where DynamoDB
// takes up to a few days. AWS's rules: the TTL attribute must be a top-level Number of epoch seconds; an item
// expires once that time is past, but not when it lies more than five years in the past; other items are ignored.
import { validationError } from './errors.js';
import { createRequestContext, requestContext } from './request-context.js';

const PREFIX = 'monotable-ttl~';
export const FIVE_YEARS_SECONDS = Math.round(5 * 365.2425 * 86_400);
const MAX_DELETES_PER_SWEEP = 1_000;

/** Whether an item is expired under AWS's rules at `nowSeconds`. */
export function isExpired(item, attributeName, nowSeconds) {
  const value = item?.[attributeName];
  if (!value || typeof value !== 'object' || typeof value.N !== 'string') return false;
  const expiry = Number(value.N);
  return Number.isFinite(expiry) && expiry < nowSeconds && expiry >= nowSeconds - FIVE_YEARS_SECONDS;
}

function checkTableName(name) {
  if (name == null) {
    throw validationError(
      "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null",
    );
  }
  if (typeof name !== 'string' || name.length < 3 || name.length > 255 || !/^[a-zA-Z0-9_.-]+$/.test(name)) {
    throw validationError(
      `1 validation error detected: Value '${name}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255`,
    );
  }
}

export function createTimeToLive(engine, { sweepMs }) {
  const { store } = engine;
  /** table name → { AttributeName, TableCreated } */
  const settings = new Map();
  const ready = (async () => {
    for await (const [key, value] of store.db.iterator({ gte: PREFIX, lt: `${PREFIX}\xff` })) {
      settings.set(key.slice(PREFIX.length), value);
    }
  })();

  /** The setting that applies to this table (a same-named older table's setting does not). */
  async function current(table) {
    await ready;
    const setting = settings.get(table.TableName);
    return setting && setting.TableCreated === table.CreationDateTime ? setting : undefined;
  }

  async function describe(data) {
    checkTableName(data.TableName);
    const table = await engine.getTable(data.TableName);
    const setting = await current(table);
    return {
      TimeToLiveDescription: setting
        ? { TimeToLiveStatus: 'ENABLED', AttributeName: setting.AttributeName }
        : { TimeToLiveStatus: 'DISABLED' },
    };
  }

  async function update(data) {
    checkTableName(data.TableName);
    const spec = data.TimeToLiveSpecification;
    if (spec == null || typeof spec !== 'object') {
      throw validationError(
        "1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null",
      );
    }
    const { AttributeName, Enabled } = spec;
    if (typeof AttributeName !== 'string' || AttributeName.length < 1 || Buffer.byteLength(AttributeName) > 255) {
      throw validationError(
        `1 validation error detected: Value '${AttributeName ?? null}' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length between 1 and 255`,
      );
    }
    if (typeof Enabled !== 'boolean') {
      throw validationError(
        "1 validation error detected: Value null at 'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be null",
      );
    }
    const table = await engine.getTable(data.TableName);
    const setting = await current(table);
    if (Enabled && setting) {
      throw validationError(
        setting.AttributeName === AttributeName
          ? 'TimeToLive is already enabled'
          : `TimeToLive is active on a different AttributeName: current AttributeName is ${setting.AttributeName}`,
      );
    }
    if (!Enabled && !setting) throw validationError('TimeToLive is already disabled');
    if (!Enabled && setting.AttributeName !== AttributeName) {
      throw validationError(
        `TimeToLive is active on a different AttributeName: current AttributeName is ${setting.AttributeName}`,
      );
    }
    if (Enabled) {
      const value = { AttributeName, TableCreated: table.CreationDateTime };
      await store.db.put(PREFIX + table.TableName, value);
      settings.set(table.TableName, value);
    } else {
      await store.db.del(PREFIX + table.TableName);
      settings.delete(table.TableName);
    }
    return { TimeToLiveSpecification: { AttributeName, Enabled } };
  }

  /** Deletes the expired items of every table with TTL on; returns how many it deleted. */
  async function sweep() {
    await ready;
    let deleted = 0;
    const nowSeconds = engine.now() / 1000;
    for (const [tableName, setting] of settings) {
      let table;
      try {
        table = await engine.getTable(tableName);
      } catch {
        continue; // deleted (or being created): nothing to expire
      }
      if ((await current(table)) !== setting) continue;
      const expired = [];
      for await (const item of store.getItemDb(tableName).createValueStream()) {
        if (isExpired(item, setting.AttributeName, nowSeconds)) expired.push(item);
        if (expired.length >= MAX_DELETES_PER_SWEEP) break;
      }
      for (const item of expired) {
        const Key = Object.fromEntries(
          table.KeySchema.map(({ AttributeName }) => [AttributeName, item[AttributeName]]),
        );
        try {
          // Only if the item still carries the expiry we saw: a write since then wins, as on AWS.
          await engine.execute('DeleteItem', {
            TableName: tableName,
            Key,
            ConditionExpression: '#ttl = :expiry',
            ExpressionAttributeNames: { '#ttl': setting.AttributeName },
            ExpressionAttributeValues: { ':expiry': item[setting.AttributeName] },
          });
          deleted++;
        } catch (error) {
          if (!error?.body?.__type?.endsWith('#ConditionalCheckFailedException')) throw error;
        }
      }
    }
    return deleted;
  }

  let sweeping = false;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    requestContext.run(
      createRequestContext('TTL sweep', () => undefined),
      () =>
        sweep()
          .catch((error) => process.stderr.write(`[engine] TTL sweep failed: ${error?.stack ?? error}\n`))
          .finally(() => {
            sweeping = false;
          }),
    );
  }, sweepMs);
  timer.unref();

  return { describe, update, sweep, ready, stop: () => clearInterval(timer) };
}
