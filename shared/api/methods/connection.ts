import { z } from 'zod';
import { defineMethods } from '../define.js';
import { EmptyInputSchema } from '../common-schemas.js';

const marks = { production: z.boolean().optional(), readOnly: z.boolean().optional() };

/** Where to connect (the backend's ConnectionSpec is this schema's type): the embedded engine, a local endpoint, or AWS. */
export const ConnectionSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('embedded'), dataDir: z.string().min(1).optional(), ...marks }),
  z.strictObject({
    kind: z.literal('endpoint'),
    url: z.url({ protocol: /^https?$/ }),
    region: z.string().min(1).optional(),
    accessKeyId: z.string().min(1).optional(),
    ...marks,
  }),
  z.strictObject({
    kind: z.literal('aws'),
    profile: z.string().min(1).optional(),
    region: z.string().min(1),
    ...marks,
  }),
]);

export type ConnectionSpec = z.output<typeof ConnectionSpecSchema>;

export const ConnectionInfoSchema = z.strictObject({
  connectionId: z.string(),
  kind: z.enum(['embedded', 'endpoint', 'aws']),
  label: z.string(),
  region: z.string(),
  accessKeyId: z.string().optional(),
  /** AWS connections: where the credentials came from, as the resolution went (`IAM Identity Center (SSO) …`). */
  credentialSource: z.string().optional(),
  /** AWS connections through an SSO profile: its name (an expired sign-in can be renewed in place). */
  ssoProfile: z.string().optional(),
  capabilities: z.strictObject({
    transactions: z.boolean(),
    partiql: z.boolean(),
    ttl: z.boolean(),
    streams: z.boolean(),
    deletionProtection: z.boolean(),
  }),
  production: z.boolean(),
  readOnly: z.boolean(),
});

export type ConnectionInfo = z.output<typeof ConnectionInfoSchema>;

/** Open connections live in the backend; the UI holds only their ids (credentials never leave the backend). */
export const connectionMethods = defineMethods({
  'connection.open': {
    summary:
      'Open a connection (embedded engine, endpoint URL, or AWS profile + region); AWS credentials are checked now.',
    input: ConnectionSpecSchema,
    output: ConnectionInfoSchema,
  },
  'connection.list': {
    summary: 'The open connections.',
    input: EmptyInputSchema,
    output: z.strictObject({ connections: z.array(ConnectionInfoSchema) }),
  },
  'connection.profiles': {
    summary:
      'The AWS profile names of the shared config/credentials files (name, region, SSO), for a picker; never keys.',
    input: EmptyInputSchema,
    output: z.strictObject({
      profiles: z.array(
        z.strictObject({
          name: z.string(),
          region: z.string().optional(),
          sso: z.boolean(),
          /** Where its credentials come from, as the files say; never a secret. */
          source: z.string(),
        }),
      ),
    }),
  },
  'connection.revive': {
    summary:
      'Reach the engine of an embedded connection again, starting it when it stopped or was killed (same folder, same connection id); other kinds answer at once.',
    input: z.strictObject({ connectionId: z.string().min(1) }),
    output: z.strictObject({ restarted: z.boolean(), connection: ConnectionInfoSchema }),
  },
  'connection.findTables': {
    summary:
      'For an endpoint that lists no tables: ListTables under the common access key ids and Regions (DynamoDB Local keeps tables per key and Region unless started with -sharedDb); the pairs that have tables.',
    input: z.strictObject({ connectionId: z.string().min(1) }),
    output: z.strictObject({
      tried: z.strictObject({ accessKeyIds: z.array(z.string()), regions: z.array(z.string()) }),
      found: z.array(
        z.strictObject({
          accessKeyId: z.string(),
          region: z.string(),
          tableCount: z.number().int(),
          more: z.boolean(),
          names: z.array(z.string()),
        }),
      ),
    }),
  },
  'connection.refresh': {
    summary:
      'Resolve the credentials of an AWS connection again now (after a sign-in), in place: same connection id, open results untouched.',
    input: z.strictObject({ connectionId: z.string().min(1) }),
    output: ConnectionInfoSchema,
  },
  'connection.signIn': {
    summary:
      "Sign an SSO profile's connection in again as `aws sso login` does (device authorization: the event says where to approve), write the token to the SSO cache, then refresh the connection in place.",
    input: z.strictObject({ connectionId: z.string().min(1) }),
    output: z.strictObject({ expiresAt: z.string(), connection: ConnectionInfoSchema }),
    events: z.strictObject({
      verificationUri: z.string(),
      verificationUriComplete: z.string().optional(),
      userCode: z.string(),
      expiresInSeconds: z.number(),
    }),
  },
  'connection.close': {
    summary: 'Close a connection (stops a transient embedded engine).',
    input: z.strictObject({ connectionId: z.string().min(1) }),
    output: z.strictObject({ closed: z.boolean() }),
  },
});
