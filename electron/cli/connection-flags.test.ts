import { describe, expect, test } from 'vitest';
import { isMonotableError } from '../../shared/errors/monotable-error.js';
import { connectionFromFlags } from './connection-flags.js';

function failure(values: Record<string, unknown>): { code: string; message: string; hint: unknown } {
  try {
    connectionFromFlags(values);
  } catch (error) {
    if (isMonotableError(error)) return { code: error.code, message: error.message, hint: error.details.hint };
    throw error;
  }
  throw new Error('expected BAD_INPUT');
}

describe('connection flags', () => {
  test('each kind with its options and marks', () => {
    expect(connectionFromFlags({ embedded: true })).toEqual({ kind: 'embedded', production: false, readOnly: false });
    expect(
      connectionFromFlags({
        endpoint: 'http://localhost:8000',
        region: 'eu-west-1',
        'access-key-id': 'alice',
        'read-only': true,
      }),
    ).toEqual({
      kind: 'endpoint',
      url: 'http://localhost:8000',
      region: 'eu-west-1',
      accessKeyId: 'alice',
      production: false,
      readOnly: true,
    });
    expect(connectionFromFlags({ profile: 'dev', region: 'us-east-1', production: true })).toEqual({
      kind: 'aws',
      profile: 'dev',
      region: 'us-east-1',
      production: true,
      readOnly: false,
    });
    // --region alone: AWS with the default credential chain (environment, AWS_PROFILE, metadata), as the AWS CLI.
    expect(connectionFromFlags({ region: 'eu-west-1' })).toEqual({
      kind: 'aws',
      region: 'eu-west-1',
      production: false,
      readOnly: false,
    });
  });

  test('exactly one connection, with a message that says how', () => {
    for (const values of [
      {},
      { embedded: true, endpoint: 'http://x:1' },
      { profile: 'p', region: 'r', embedded: true },
    ]) {
      const error = failure(values);
      expect(error.code).toBe('BAD_INPUT');
      expect(error.hint).toBe(
        'Use exactly one of --embedded, --endpoint URL, --profile P --region R, or --region R (default AWS credentials).',
      );
    }
    expect(failure({ region: 'us-east-1', 'access-key-id': 'k' }).message).toMatch(/--access-key-id only applies/);
    expect(failure({ profile: 'dev' }).message).toBe('--profile dev needs --region.');
    expect(failure({ embedded: true, 'access-key-id': 'k' }).message).toMatch(
      /--access-key-id only applies to --endpoint/,
    );
    expect(failure({ endpoint: 'localhost:8000x' }).message).toMatch(/must be http|not a URL/);
    expect(failure({ endpoint: 'not a url' }).message).toBe('--endpoint "not a url" is not a URL.');
    expect(failure({ embedded: true, region: 'eu-west-1' }).message).toBe('--region does not apply to --embedded.');
  });
});
