/**
 * The closed set of error codes that may cross any boundary (api envelope, CLI exit messages).
 * Add a code here before throwing it; the UI and the CLI map codes, never message text.
 */
export const ERROR_CODES = [
  'BAD_INPUT', // arguments or a request did not match the contract
  'FILE_NOT_FOUND',
  'FILE_TOO_LARGE',
  'FILE_UNREADABLE',
  'FORBIDDEN_PATH', // a file outside the folder the server may touch (after resolving .. and symlinks)
  'FILE_CHANGED', // the file on disk changed since it was opened; save with force to replace it
  'PARSE_ERROR', // not JSON / YAML, with line:column
  'NESTING_TOO_DEEP',
  'FORBIDDEN_KEY', // __proto__, constructor, prototype
  'SCHEMA_ERROR', // JSON that is not a valid model (paths in details)
  'UNSUPPORTED_FORMAT',
  'FUTURE_FORMAT', // written by a newer Monotable
  'MODEL_INVALID', // validation produced errors
  'NOT_FOUND', // a table, entity, pattern or index named by the caller does not exist
  'AMBIGUOUS', // the caller must choose (e.g. --table with a multi-table model)
  'TEMPLATE_ERROR',
  'ENGINE_UNSUPPORTED', // the embedded engine lacks this operation (transactions, PartiQL, TTL, streams)
  'ENGINE_START_FAILED',
  'ENGINE_DATA_DAMAGED', // the embedded engine's data folder cannot be read in full (what could and could not in the message)
  'PORT_IN_USE',
  'CONNECTION_FAILED',
  'CREDENTIALS', // missing or expired AWS credentials
  'ACCESS_DENIED',
  'TABLE_EXISTS',
  'TABLE_NOT_FOUND',
  'TABLE_NOT_ACTIVE',
  'DELETION_PROTECTED',
  'CONFIRMATION_REQUIRED', // production guard: type the table name
  'READ_ONLY',
  'THROTTLED',
  'CONDITION_FAILED',
  'VALIDATION', // DynamoDB ValidationException
  'ITEM_TOO_LARGE',
  'TIMEOUT',
  'CANCELLED',
  'NETWORK',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
