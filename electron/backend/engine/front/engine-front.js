// The engine's request layer in front of dynalite: expression limits first, dynalite's own validation, one engine
// lock (transactions alone, everything else shared), and the operations dynalite lacks (transactions, TTL).
import { AsyncResource } from 'node:async_hooks';
import { ApiError, fromDynalite, internalErrorBody, validationError } from './errors.js';
import { requestLimitError } from './expression-limits.js';
import { dynaliteOperations, validations } from './load-dynalite.js';
import { EngineLock } from './request-lock.js';
import { requestContext } from './request-context.js';
import { createTimeToLive } from './time-to-live.js';
import { createTransactions } from './transactions.js';

const UNSUPPORTED = {
  ExecuteStatement: 'PartiQL',
  BatchExecuteStatement: 'PartiQL',
  ExecuteTransaction: 'PartiQL',
  DescribeStream: 'DynamoDB Streams',
  GetRecords: 'DynamoDB Streams',
  GetShardIterator: 'DynamoDB Streams',
  ListStreams: 'DynamoDB Streams',
};

/**
 * dynalite takes a per-item lock inside PutItem/UpdateItem/DeleteItem; if it throws while holding one, the item would
 * stay locked forever. Each lock taken is recorded on the request, so a failed request releases its locks; and a
 * waiter resumes in its own request's context (the lock library resumes it inside the releasing request's).
 */
function trackItemLocks(store) {
  const getItemDb = store.getItemDb;
  store.getItemDb = (name) => {
    const sub = getItemDb(name);
    if (sub.monotableTracked) return sub;
    const lock = sub.lock;
    sub.lock = (key, exec) => {
      const context = requestContext.getStore();
      lock(
        key,
        AsyncResource.bind((release) => {
          let released = false;
          const forceRelease = () => {
            if (released) return;
            released = true;
            release(() => undefined)();
          };
          context?.releases.add(forceRelease);
          exec((callback) => {
            const inner = release(callback);
            return (...args) => {
              if (released) return callback?.(...args);
              released = true;
              context?.releases.delete(forceRelease);
              return inner(...args);
            };
          });
        }),
      );
    };
    sub.monotableTracked = true;
    return sub;
  };
}

export function createEngineFront({ store, ttlSweepMs = 10_000, now = () => Date.now() }) {
  trackItemLocks(store);
  const lock = new EngineLock();

  async function acquire(mode) {
    const release = await lock.acquire(mode);
    const context = requestContext.getStore();
    context?.releases.add(release);
    return () => {
      context?.releases.delete(release);
      release();
    };
  }

  /** dynalite's type checks and validations (expression parsing included); returns the validated request. */
  function validate(operation, data) {
    const { validation } = dynaliteOperations.get(operation);
    try {
      const typed = validations.checkTypes(data, validation.types);
      validations.checkValidations(typed, validation.types, validation.custom, store);
      return typed;
    } catch (error) {
      throw fromDynalite(error);
    }
  }

  /** Runs one dynalite action on an already validated request, without taking the engine lock. */
  function runAction(operation, data) {
    const { action } = dynaliteOperations.get(operation);
    return new Promise((resolve, reject) => {
      action(store, data, (error, result) => (error ? reject(fromDynalite(error)) : resolve(result)));
    });
  }

  function getTable(name) {
    return new Promise((resolve, reject) => {
      store.getTable(name, (error, table) => (error ? reject(fromDynalite(error)) : resolve(table)));
    });
  }

  function getItem(tableName, key) {
    return new Promise((resolve, reject) => {
      store.getItemDb(tableName).get(key, (error, item) => {
        if (error && error.name !== 'NotFoundError' && error.code !== 'LEVEL_NOT_FOUND') reject(error);
        else resolve(item ?? undefined);
      });
    });
  }

  /** A dynalite operation as a client would send it: validated, then run under the shared engine lock. */
  async function execute(operation, data) {
    const validated = validate(operation, data);
    const release = await acquire('shared');
    try {
      return await runAction(operation, validated);
    } finally {
      release();
    }
  }

  const engine = { store, validate, runAction, getTable, getItem, acquire, execute, now };
  const transactions = createTransactions(engine);
  const timeToLive = createTimeToLive(engine, { sweepMs: ttlSweepMs });

  const custom = {
    TransactWriteItems: transactions.write,
    TransactGetItems: transactions.get,
    UpdateTimeToLive: timeToLive.update,
    DescribeTimeToLive: timeToLive.describe,
  };

  /** One request → { status, body }. Never rejects: a failure inside dynalite becomes a 500 naming the operation. */
  async function handle(operation, data) {
    try {
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw new ApiError(400, { __type: 'com.amazon.coral.service#SerializationException' });
      }
      const limit = requestLimitError(operation, data);
      if (limit) throw validationError(limit);
      if (custom[operation]) return { status: 200, body: await custom[operation](data) };
      if (dynaliteOperations.has(operation)) return { status: 200, body: await execute(operation, data) };
      if (UNSUPPORTED[operation]) {
        throw new ApiError(400, {
          __type: 'com.amazon.coral.service#UnknownOperationException',
          message: `${operation} (${UNSUPPORTED[operation]}) is not supported by the embedded engine (dynalite); it works on DynamoDB Local or AWS.`,
        });
      }
      throw new ApiError(400, { __type: 'com.amazon.coral.service#UnknownOperationException' });
    } catch (error) {
      if (error instanceof ApiError) return { status: error.status, body: error.body };
      process.stderr.write(`[engine] ${operation} failed: ${error?.stack ?? error}\n`);
      return { status: 500, body: internalErrorBody(operation, error) };
    }
  }

  return {
    handle,
    execute,
    sweepExpiredItems: timeToLive.sweep,
    ready: timeToLive.ready,
    close() {
      timeToLive.stop();
    },
  };
}
