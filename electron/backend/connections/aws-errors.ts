import { MonotableError, isMonotableError } from '../../../shared/errors/monotable-error.js';
import type { ErrorCode } from '../../../shared/errors/error-codes.js';
import { redactSecrets } from './aws-credentials.js';
import { shownUrl, type OpenConnection } from './connection.js';

export interface ErrorContext {
  table?: string;
  operation?: string;
  connection?: OpenConnection;
}

interface SdkLikeError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

const THROTTLING = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'Throttling',
  'TooManyRequestsException',
]);
const CREDENTIAL_NAMES = new Set([
  'CredentialsProviderError',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'MissingAuthenticationTokenException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
]);
/** Operations that only read: cancelling one changes nothing. */
const READS = new Set(['Scan', 'Query', 'GetItem', 'BatchGetItem', 'TransactGetItems', 'DescribeTable', 'ListTables']);
const NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

function where(connection: OpenConnection | undefined): string {
  if (!connection) return '';
  return ` in region ${connection.region} (${connection.label})`;
}

function endpointOf(connection: OpenConnection | undefined): string {
  const spec = connection?.spec;
  if (spec?.kind === 'endpoint') return shownUrl(spec.url);
  return connection?.label ?? 'the endpoint';
}

function make(
  code: ErrorCode,
  message: string,
  hint: string,
  context: ErrorContext,
  extra: Record<string, unknown> = {},
): MonotableError {
  return new MonotableError(code, redactSecrets(message), {
    hint,
    ...(context.table ? { table: context.table } : {}),
    ...(context.operation ? { operation: context.operation } : {}),
    ...extra,
  });
}

/**
 * Maps an AWS SDK (or network) error to a MonotableError by its `name`/`code`, never by message text (dynalite's
 * messages are often empty). The result says what failed, where (table, region, connection) and what to do; it
 * never contains credentials.
 */
export function toMonotableError(error: unknown, context: ErrorContext = {}): MonotableError {
  if (isMonotableError(error)) return error;
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SdkLikeError;
  const name = e.name ?? '';
  const code = e.code ?? '';
  const op = context.operation ? `${context.operation}: ` : '';
  const table = context.table ? `Table "${context.table}"` : 'The table';
  const raw = e.message && e.message !== 'UnknownError' ? e.message : '';
  const { connection } = context;
  if (name === 'ResourceNotFoundException') {
    return make(
      'TABLE_NOT_FOUND',
      `${op}${table} not found${where(connection)}, or it is not ACTIVE yet.`,
      'Check the table name and the region/endpoint (DynamoDB Local keeps tables per access key id and region); create it with `monotable create`.',
      context,
    );
  }
  if (name === 'ResourceInUseException' && /^(DeleteTable|UpdateTable)/.test(context.operation ?? '')) {
    return make(
      'TABLE_NOT_ACTIVE',
      `${op}${table} is being created, updated or deleted${where(connection)}.`,
      'Wait until it is ACTIVE (`monotable drift` shows its state) and try again.',
      context,
    );
  }
  if (name === 'ResourceInUseException') {
    return make(
      'TABLE_EXISTS',
      `${op}${table} already exists${where(connection)} or is being created, updated or deleted.`,
      'Use the existing table (`monotable drift` shows how it differs from the model), pass --if-not-exists, or drop it first.',
      context,
    );
  }
  if (name === 'AccessDeniedException') {
    return make(
      'ACCESS_DENIED',
      `${op}access denied${where(connection)}${raw ? `: ${raw}` : '.'}`,
      'Your AWS identity lacks the permission named above; ask for it or use another profile.',
      context,
    );
  }
  if (THROTTLING.has(name) || e.$metadata?.httpStatusCode === 429) {
    return make(
      'THROTTLED',
      `${op}DynamoDB throttled the request${where(connection)} (${name || 'HTTP 429'}) after ${e.$metadata?.attempts ?? 1} attempt(s).`,
      'Retry later, lower the request rate, or raise the table capacity (on-demand tables scale up over minutes).',
      context,
    );
  }
  if (name === 'ConditionalCheckFailedException') {
    return make(
      'CONDITION_FAILED',
      `${op}the condition of the write was not met${context.table ? ` on table "${context.table}"` : ''}.`,
      'Read the item to see its current state; a put with attribute_not_exists fails when the item already exists.',
      context,
    );
  }
  if (name === 'TransactionCanceledException') {
    const reasons = (
      (error as { CancellationReasons?: { Code?: string; Message?: string }[] }).CancellationReasons ?? []
    )
      .map((r, i) => `#${i + 1} ${r.Code ?? 'None'}${r.Message ? ` (${r.Message})` : ''}`)
      .join(', ');
    return make(
      'CONDITION_FAILED',
      `${op}the transaction was cancelled${reasons ? `: ${reasons}` : ''}.`,
      'Each reason belongs to the action at that position; a ConditionalCheckFailed action names the item whose condition failed.',
      context,
    );
  }
  if (name === 'ItemCollectionSizeLimitExceededException') {
    return make(
      'VALIDATION',
      `${op}an item collection of ${context.table ? `table "${context.table}"` : 'the table'} exceeds 10 GB (tables with local secondary indexes).`,
      'Spread the items over more partition key values, or drop the local secondary index.',
      context,
    );
  }
  if (name === 'ValidationException') {
    if (/item size/i.test(raw))
      return make(
        'ITEM_TOO_LARGE',
        `${op}${raw}`,
        'An item may have at most 400 KB (409,600 bytes) including attribute names.',
        context,
      );
    return make(
      'VALIDATION',
      `${op}DynamoDB rejected the request: ${raw || 'ValidationException'}`,
      'Fix the request as the message says; `monotable validate` checks a model against DynamoDB rules.',
      context,
    );
  }
  if (name === 'EngineDataDamaged') {
    // The embedded engine reached a damaged part of its data folder: an error, never a shorter result.
    return make(
      'ENGINE_DATA_DAMAGED',
      `${op}${raw}`,
      'Stop the engine and move its data folder aside (a restart then reports what can still be read from it), or restore the folder from a backup.',
      context,
    );
  }
  if (name === 'UnknownOperationException') {
    return make(
      'ENGINE_UNSUPPORTED',
      `${context.operation ?? 'This operation'} is not supported by this engine.`,
      'The embedded engine lacks PartiQL and streams (plain dynalite also lacks transactions and TTL); they work on DynamoDB Local or AWS: connect with --endpoint or --profile.',
      context,
    );
  }
  if (CREDENTIAL_NAMES.has(name) && connection?.spec.kind === 'endpoint') {
    return make(
      'CREDENTIALS',
      `${op}${shownUrl(connection.spec.url)} rejected the request signed with access key id "${connection.accessKeyId ?? 'local'}" in region ${connection.region} (${name}${raw ? `: ${raw.split('\n')[0]}` : ''}).`,
      'DynamoDB Local and the embedded engine accept any key: check the URL points at one. LocalStack wants the key it was configured with (`test` by default). A real AWS endpoint needs real credentials: add an AWS profile connection instead (Connections).',
      context,
    );
  }
  if (CREDENTIAL_NAMES.has(name) && connection?.ssoProfile) {
    const profile = connection.ssoProfile;
    return make(
      'CREDENTIALS',
      `${op}the IAM Identity Center (SSO) sign-in of profile ${profile} has expired or was revoked${where(connection)}${raw ? ` (${name}: ${raw.split('\n')[0]})` : ` (${name})`}.`,
      `Sign in again: in the app, Sign in again renews it in place (open results stay); on the command line, \`aws sso login --profile ${profile}\`, then retry.`,
      context,
      { signIn: 'sso', profile },
    );
  }
  if (CREDENTIAL_NAMES.has(name)) {
    const profile = connection?.spec.kind === 'aws' ? connection.spec.profile : undefined;
    return make(
      'CREDENTIALS',
      `${op}the AWS credentials were rejected or have expired${where(connection)}${raw ? `: ${raw.split('\n')[0]}` : '.'}`,
      profile
        ? `Log in again: \`aws sso login --profile ${profile}\` (SSO) or \`aws configure --profile ${profile}\` (keys), then retry.`
        : 'Log in again (`aws sso login` or `aws configure`), then retry.',
      context,
    );
  }
  // smithy names socket resets TimeoutError too (so they are retried); those are network failures, not timeouts.
  if (name === 'TimeoutError' && code !== 'ECONNRESET' && code !== 'EPIPE') {
    return make(
      'TIMEOUT',
      `${op}DynamoDB did not answer in time (${endpointOf(connection)}).`,
      'Check the network or the engine; retry. Long scans can be continued page by page.',
      context,
    );
  }
  if (name === 'AbortError') {
    return make(
      'CANCELLED',
      `${op}cancelled.`,
      READS.has(context.operation ?? '')
        ? 'Nothing was changed; run it again to read the rest (a read stopped part way prints where to continue).'
        : 'A write that was in flight may still have been applied: read the item to check.',
      context,
    );
  }
  if (code === 'ECONNREFUSED' && connection?.spec.kind === 'embedded') {
    return make(
      'CONNECTION_FAILED',
      `${op}the embedded engine does not answer (${connection.label}): it stopped or was killed.`,
      'The app starts it again on your next action (its data stays in its folder); then run again, or Load more to continue a read. On the command line: `monotable engine`, or --embedded alone starts one.',
      context,
    );
  }
  if (code === 'ECONNREFUSED') {
    return make(
      'CONNECTION_FAILED',
      `${op}nothing listens at ${endpointOf(connection)}.`,
      'Start it with `monotable engine` (or start DynamoDB Local), or use --embedded.',
      context,
    );
  }
  if (code === 'ENOTFOUND') {
    return make(
      'CONNECTION_FAILED',
      `${op}cannot resolve the DynamoDB host${where(connection)}.`,
      'Check the Region name (e.g. us-east-1) or the endpoint URL, and the network.',
      context,
    );
  }
  if (NETWORK_CODES.has(code)) {
    return make(
      'NETWORK',
      `${op}the network connection failed (${code})${where(connection)}.`,
      'Retry; if it persists, check the endpoint and the network.',
      context,
    );
  }
  if (e.$metadata?.httpStatusCode && e.$metadata.httpStatusCode >= 500) {
    return make(
      'NETWORK',
      `${op}DynamoDB answered with HTTP ${e.$metadata.httpStatusCode} (${name || 'server error'})${where(connection)}.`,
      'A server-side failure: retry later.',
      context,
    );
  }
  return make(
    'INTERNAL',
    `${op}unexpected error ${name || code || ''}${raw ? `: ${raw}` : ''}`.trim(),
    'Run again with --debug and report the output if it persists.',
    context,
    { sdkName: name || undefined },
  );
}
