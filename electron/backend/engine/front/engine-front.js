// The engine's request layer in front of dynalite: expression limits first, dynalite's own validation, one engine
// lock (transactions alone, everything else shared), and the operations dynalite lacks (transactions, TTL).
import { ApiError, fromDynalite, internalErrorBody, validationError } from './errors.js';
import { requestLimitError } from './expression-limits.js';
import { dynaliteOperations, validations } from './load-dynalite.js';
import { EngineLock } from './request-lock.js';
import { runInRequest } from './request-context.js';
import { instrumentStore } from './store-instrument.js';
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

export function createEngineFront({ store, ttlSweepMs = 10_000, now = () => Date.now() }) {
  instrumentStore(store);
  const lock = new EngineLock();

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

  /**
   * The engine as one request sees it: every call into dynalite runs for that request (see request-context.js), and
   * the engine lock it takes is released if the request fails inside dynalite.
   */
  function engineFor(context) {
    const inRequest = (fn) => runInRequest(context, fn);

    async function acquire(mode) {
      const release = await lock.acquire(mode);
      context?.releases.add(release);
      return () => {
        context?.releases.delete(release);
        release();
      };
    }

    /** Runs one dynalite action on an already validated request, without taking the engine lock. */
    function runAction(operation, data) {
      const { action } = dynaliteOperations.get(operation);
      return new Promise((resolve, reject) => {
        inRequest(() =>
          action(store, data, (error, result) => (error ? reject(fromDynalite(error)) : resolve(result))),
        );
      });
    }

    function getTable(name) {
      return new Promise((resolve, reject) => {
        inRequest(() => store.getTable(name, (error, table) => (error ? reject(fromDynalite(error)) : resolve(table))));
      });
    }

    function getItem(tableName, key) {
      return new Promise((resolve, reject) => {
        inRequest(() =>
          store.getItemDb(tableName).get(key, (error, item) => {
            if (error && error.name !== 'NotFoundError' && error.code !== 'LEVEL_NOT_FOUND') reject(error);
            else resolve(item ?? undefined);
          }),
        );
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

    return { store, validate, runAction, getTable, getItem, acquire, execute, now };
  }

  const transactions = createTransactions({ now });
  const timeToLive = createTimeToLive({ store, now, engineFor }, { sweepMs: ttlSweepMs });

  const custom = {
    TransactWriteItems: transactions.write,
    TransactGetItems: transactions.get,
    UpdateTimeToLive: timeToLive.update,
    DescribeTimeToLive: timeToLive.describe,
  };

  /**
   * One request → { status, body }. Never rejects: a failure inside dynalite becomes a 500 naming the operation
   * (here, or through context.fail when it happens in one of dynalite's callbacks).
   */
  async function handle(operation, data, context) {
    const engine = engineFor(context);
    try {
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw new ApiError(400, { __type: 'com.amazon.coral.service#SerializationException' });
      }
      const limit = requestLimitError(operation, data);
      if (limit) throw validationError(limit);
      if (custom[operation]) return { status: 200, body: await custom[operation](data, engine) };
      if (dynaliteOperations.has(operation)) return { status: 200, body: await engine.execute(operation, data) };
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
    sweepExpiredItems: timeToLive.sweep,
    ready: timeToLive.ready,
    close() {
      timeToLive.stop();
    },
  };
}
