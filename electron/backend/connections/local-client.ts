import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Retry and timeout settings pinned so that an SDK upgrade cannot change seeding or fault behaviour. */
export const CLIENT_DEFAULTS = {
  maxAttempts: 4,
  connectionTimeoutMs: 3_000,
  requestTimeoutMs: 30_000,
} as const;

/**
 * A client for a loopback engine (embedded dynalite, DynamoDB Local, LocalStack). It never reads the user's
 * AWS credentials: local engines get static dummy keys (DynamoDB Local keeps one set of tables per access
 * key and Region, so both are explicit and shown to the user).
 */
export function createEndpointClient(
  endpoint: string | (() => Promise<string>),
  options: { region?: string; accessKeyId?: string; maxAttempts?: number } = {},
): DynamoDBClient {
  return new DynamoDBClient({
    // A function is asked again for every request (the embedded engine may come back on another port).
    endpoint: typeof endpoint === 'string' ? endpoint : async () => ({ url: new URL(await endpoint()) }),
    region: options.region ?? 'us-east-1',
    credentials: { accessKeyId: options.accessKeyId ?? 'local', secretAccessKey: 'local' },
    maxAttempts: options.maxAttempts ?? CLIENT_DEFAULTS.maxAttempts,
    requestHandler: {
      connectionTimeout: CLIENT_DEFAULTS.connectionTimeoutMs,
      requestTimeout: CLIENT_DEFAULTS.requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
  });
}
