import type { Model } from '../model/schema.js';
import { attr, dateRange, faker, oneOf, param, ref, table } from './builders.js';

const FROM = '2025-06-01T00:00:00.000Z';
const TO = '2026-11-01T00:00:00.000Z';
const ACME = 'acme-7c1e';
const GRACE = 'u-4b9d2f61';
const ALAN = 'u-8e3a7c05';

/**
 * A multi-tenant SaaS: every key starts with the tenant, so one Query never crosses tenants (and IAM's
 * dynamodb:LeadingKeys can enforce it), with a GSI keyed by e-mail for sign-in and pending invites.
 */
export const multiTenantSaas: Model = {
  format: 'monotable/1',
  name: 'multi-tenant-saas',
  description:
    'Tenants with their users, projects and invites under tenant-prefixed keys; a GSI finds tenants and invites by e-mail.',
  tables: [
    table({
      name: 'saas-app',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      billing: { mode: 'on-demand' },
      ttlAttribute: 'expires_at',
      globalSecondaryIndexes: [
        {
          name: 'by-email',
          partitionKey: { name: 'gsi1pk', type: 'S' },
          sortKey: { name: 'gsi1sk', type: 'S' },
          projection: { type: 'ALL' },
        },
      ],
      entities: [
        {
          name: 'Tenant',
          keys: { pk: 'TENANT#{tenant_id}', sk: 'TENANT' },
          attributes: [
            attr('tenant_id', 'S', faker('string.alphanumeric', 8)),
            attr('tenant_name', 'S', faker('person.lastName'), { description: 'The company name.' }),
            attr('plan', 'S', oneOf('free', 'team', 'enterprise')),
            attr('created_at', 'S', dateRange(FROM, TO)),
            attr('user_count', 'N', { kind: 'aggregate', of: 'User', function: 'count' }),
          ],
          seed: { count: 10 },
          samples: [
            {
              tenant_id: ACME,
              tenant_name: 'Acme Corporation',
              plan: 'team',
              created_at: '2025-07-01T12:00:00.000Z',
              user_count: 2,
            },
          ],
        },
        {
          name: 'User',
          keys: {
            pk: 'TENANT#{tenant_id}',
            sk: 'USER#{user_id}',
            gsi1pk: 'EMAIL#{email}',
            gsi1sk: 'TENANT#{tenant_id}',
          },
          attributes: [
            attr('tenant_id', 'S', ref('Tenant', 'tenant_id')),
            attr('user_id', 'S', faker('string.uuid')),
            attr('email', 'S', faker('internet.email')),
            attr('display_name', 'S', faker('person.fullName')),
            attr('user_role', 'S', oneOf('owner', 'admin', 'member')),
          ],
          seed: { perParent: { min: 2, max: 30, distribution: 'skewed' } },
          samples: [
            {
              tenant_id: ACME,
              user_id: GRACE,
              email: 'grace@acme.example',
              display_name: 'Grace Hopper',
              user_role: 'owner',
            },
            {
              tenant_id: ACME,
              user_id: ALAN,
              email: 'alan@acme.example',
              display_name: 'Alan Turing',
              user_role: 'member',
            },
          ],
        },
        {
          name: 'Project',
          keys: { pk: 'TENANT#{tenant_id}', sk: 'PROJECT#{project_id}' },
          attributes: [
            attr('tenant_id', 'S', ref('Tenant', 'tenant_id')),
            attr('project_id', 'S', faker('string.uuid')),
            attr('project_name', 'S', faker('company.catchPhrase')),
            attr('archived', 'BOOL', oneOf(false, false, true)),
            attr('created_at', 'S', dateRange(FROM, TO)),
          ],
          seed: { perParent: { min: 1, max: 12 } },
          samples: [
            {
              tenant_id: ACME,
              project_id: 'p-2f6c9a10',
              project_name: 'Road Runner Tracker',
              archived: false,
              created_at: '2025-08-12T09:00:00.000Z',
            },
          ],
        },
        {
          name: 'Invite',
          description: 'A pending invitation; expires_at is the TTL, so DynamoDB deletes stale invites by itself.',
          keys: {
            pk: 'TENANT#{tenant_id}',
            sk: 'INVITE#{email}',
            gsi1pk: 'EMAIL#{email}',
            gsi1sk: 'INVITE#{tenant_id}',
          },
          attributes: [
            attr('tenant_id', 'S', ref('User', 'tenant_id')),
            attr('email', 'S', faker('internet.email')),
            attr('invited_by', 'S', ref('User', 'user_id'), { description: 'The user of the tenant who sent it.' }),
            attr('expires_at', 'N', dateRange('2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 'epoch-seconds')),
          ],
          seed: { perParent: { min: 0, max: 2, distribution: 'skewed' } },
          samples: [{ tenant_id: ACME, email: 'katherine@nasa.example', invited_by: GRACE, expires_at: 1796083200 }],
        },
      ],
      accessPatterns: [
        {
          name: 'get-tenant',
          description: 'A tenant and its plan.',
          entity: 'Tenant',
          kind: 'get',
          parameters: [param('tenant_id', 'The tenant.', ACME)],
        },
        {
          name: 'list-users',
          description: "A tenant's users.",
          entity: 'User',
          kind: 'query',
          parameters: [param('tenant_id', 'The tenant.', ACME)],
          keyCondition: { partition: { attribute: 'pk' }, sort: { attribute: 'sk', operator: 'begins_with' } },
        },
        {
          name: 'list-projects',
          description: "A tenant's projects.",
          entity: 'Project',
          kind: 'query',
          parameters: [param('tenant_id', 'The tenant.', ACME)],
          keyCondition: { partition: { attribute: 'pk' }, sort: { attribute: 'sk', operator: 'begins_with' } },
        },
        {
          name: 'list-invites',
          description: "A tenant's pending invites.",
          entity: 'Invite',
          kind: 'query',
          parameters: [param('tenant_id', 'The tenant.', ACME)],
          keyCondition: { partition: { attribute: 'pk' }, sort: { attribute: 'sk', operator: 'begins_with' } },
        },
        {
          name: 'find-user-tenants',
          description: 'At sign-in: every tenant an e-mail address belongs to.',
          entity: 'User',
          kind: 'query',
          index: 'by-email',
          parameters: [param('email', 'The e-mail address.', 'grace@acme.example')],
          keyCondition: { partition: { attribute: 'gsi1pk' }, sort: { attribute: 'gsi1sk', operator: 'begins_with' } },
        },
        {
          name: 'find-invites-for-email',
          description: 'At sign-up: the invites waiting for an e-mail address.',
          entity: 'Invite',
          kind: 'query',
          index: 'by-email',
          parameters: [param('email', 'The e-mail address.', 'katherine@nasa.example')],
          keyCondition: { partition: { attribute: 'gsi1pk' }, sort: { attribute: 'gsi1sk', operator: 'begins_with' } },
        },
        {
          name: 'create-invite',
          description: 'Invite an e-mail address to a tenant.',
          entity: 'Invite',
          kind: 'put',
          parameters: [
            param('tenant_id', 'The tenant.', ACME),
            param('email', 'Who is invited.', 'katherine@nasa.example'),
            param('invited_by', 'The inviting user.', GRACE),
            param('expires_at', 'Expiry, epoch seconds (the TTL).', '1796083200', 'N'),
          ],
        },
        {
          name: 'revoke-invite',
          description: 'Delete a pending invite.',
          entity: 'Invite',
          kind: 'delete',
          parameters: [
            param('tenant_id', 'The tenant.', ACME),
            param('email', 'The invited address.', 'katherine@nasa.example'),
          ],
        },
      ],
    }),
  ],
};
