// DynamoDB's error shapes (the SDK reads the type after '#', and `message`).
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? body?.__type ?? 'error');
    this.status = status;
    this.body = body;
  }
}

export function validationError(message) {
  return new ApiError(400, { __type: 'com.amazon.coral.validate#ValidationException', message });
}

export function dynamoError(type, message, extra = {}) {
  return new ApiError(400, { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message, ...extra });
}

/** A dynalite error object ({ statusCode, body }) as an ApiError; anything else is returned as is. */
export function fromDynalite(error) {
  if (error && typeof error === 'object' && error.statusCode && error.body)
    return new ApiError(error.statusCode, error.body);
  return error;
}

let dataDir;

/** The engine's data folder, named in the error a damaged store gives (engine-child.js sets it). */
export function describeStore(options) {
  dataDir = options.dataDir;
}

/** An error of LevelDB itself (a damaged or vanished file), as opposed to a bug in dynalite's code. */
function isStoreError(error) {
  const message = `${error?.message ?? ''} ${error?.cause?.message ?? ''}`;
  return (
    dataDir !== undefined &&
    (/^LEVEL_(DECODE_ERROR|IO_ERROR|CORRUPTION|ITERATOR_NOT_OPEN)$/.test(error?.code ?? '') ||
      /\b(Corruption|IO error)\b|Could not decode value/.test(message))
  );
}

/**
 * What a request that tripped a bug inside dynalite gets: a 500 naming the operation; the engine keeps running.
 * A read that reaches a damaged part of the store is EngineDataDamaged instead (never a shorter result), naming the
 * folder, what failed and what to do.
 */
export function internalErrorBody(operation, error) {
  const reason = error instanceof Error ? error.message : String(error);
  if (isStoreError(error)) {
    const cause = error?.cause?.message ? `${reason}: ${error.cause.message}` : reason;
    return {
      __type: 'com.monotable.engine#EngineDataDamaged',
      message: `${operation} failed: the engine's data folder ${dataDir} is damaged (${cause}). Nothing was returned, so no result is missing items silently. Stop the engine, move the folder aside (keep it: a restart reports what can still be read from it) or restore it from a backup, then start again.`,
      dataDir,
    };
  }
  return {
    __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
    message: `The embedded engine (dynalite) failed while handling ${operation}: ${reason}. The engine keeps running with its data; read the items this request targeted before retrying it (it may have been applied in part), and please report the request that caused it.`,
  };
}
