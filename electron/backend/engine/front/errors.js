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

/** What a request that tripped a bug inside dynalite gets: a 500 naming the operation; the engine keeps running. */
export function internalErrorBody(operation, error) {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
    message: `The embedded engine (dynalite) failed while handling ${operation}: ${reason}. The engine keeps running with its data; read the items this request targeted before retrying it (it may have been applied in part), and please report the request that caused it.`,
  };
}
