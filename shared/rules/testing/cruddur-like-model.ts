import type { Model } from '../../model/schema.js';

/**
 * A small, realistic, valid model for rule tests (Cruddur-like messaging): message groups per user, messages per
 * group, a GSI to find a group's rows. Production settings on, so it validates without any diagnostic.
 * Tests clone it and apply one mutation each.
 * Not the built-in `cruddur-messaging` template on purpose: the rule tests name JSON paths by index
 * (`$.tables[0].entities[1].attributes[5]`) and need deletion protection and PITR on; the template may change.
 */
export function cruddurLikeModel(): Model {
  return {
    format: 'monotable/1',
    name: 'cruddur-like',
    tables: [
      {
        name: 'cruddur-messages',
        partitionKey: { name: 'pk', type: 'S' },
        sortKey: { name: 'sk', type: 'S' },
        billing: { mode: 'on-demand' },
        deletionProtection: true,
        pointInTimeRecovery: true,
        globalSecondaryIndexes: [
          {
            name: 'message-group-sk-index',
            partitionKey: { name: 'message_group_uuid', type: 'S' },
            sortKey: { name: 'sk', type: 'S' },
            projection: { type: 'ALL' },
          },
        ],
        entities: [
          {
            name: 'MessageGroup',
            keys: {
              pk: 'GRP#{user_uuid}',
              sk: '{last_message_at}#{message_group_uuid}',
              message_group_uuid: '{message_group_uuid}',
            },
            attributes: [
              {
                name: 'message_group_uuid',
                type: 'S',
                required: true,
                generator: { kind: 'faker', method: 'string.uuid' },
              },
              { name: 'user_uuid', type: 'S', required: true, generator: { kind: 'faker', method: 'string.uuid' } },
              { name: 'other_user_handle', type: 'S', generator: { kind: 'faker', method: 'internet.username' } },
              {
                name: 'last_message_at',
                type: 'S',
                required: true,
                generator: { kind: 'date-range', from: '2026-01-01', to: '2026-11-01' },
              },
            ],
            sampleItems: [
              {
                pk: { S: 'GRP#u-1' },
                sk: { S: '2026-10-14T09:42:17Z#g-1' },
                message_group_uuid: { S: 'g-1' },
                user_uuid: { S: 'u-1' },
                other_user_handle: { S: 'bayko' },
                last_message_at: { S: '2026-10-14T09:42:17Z' },
              },
            ],
          },
          {
            name: 'Message',
            keys: {
              pk: 'MSG#{message_group_uuid}',
              sk: '{created_at}#{message_uuid}',
              message_group_uuid: '{message_group_uuid}',
            },
            attributes: [
              {
                name: 'message_group_uuid',
                type: 'S',
                required: true,
                generator: { kind: 'ref', entity: 'MessageGroup', attribute: 'message_group_uuid' },
              },
              { name: 'message_uuid', type: 'S', required: true, generator: { kind: 'faker', method: 'string.uuid' } },
              { name: 'message', type: 'S', generator: { kind: 'faker', method: 'lorem.sentence' } },
              { name: 'likes', type: 'N', generator: { kind: 'sequence' } },
              {
                name: 'created_at',
                type: 'S',
                required: true,
                generator: { kind: 'date-range', from: '2026-01-01', to: '2026-11-01' },
              },
            ],
            sampleItems: [
              {
                pk: { S: 'MSG#g-1' },
                sk: { S: '2026-10-14T09:30:02Z#m-1' },
                message_group_uuid: { S: 'g-1' },
                message_uuid: { S: 'm-1' },
                message: { S: 'Did you push the DynamoDB changes? 😀' },
                likes: { N: '3' },
                created_at: { S: '2026-10-14T09:30:02Z' },
              },
            ],
          },
        ],
        accessPatterns: [
          {
            name: 'list-message-groups',
            entity: 'MessageGroup',
            kind: 'query',
            parameters: [{ name: 'user_uuid' }],
            keyCondition: { partition: { attribute: 'pk' } },
            order: 'desc',
            limit: 20,
          },
          {
            name: 'list-messages',
            entity: 'Message',
            kind: 'query',
            parameters: [{ name: 'message_group_uuid' }],
            keyCondition: { partition: { attribute: 'pk' } },
            order: 'desc',
            limit: 20,
          },
          {
            name: 'find-group-rows',
            entity: 'Message',
            kind: 'query',
            parameters: [{ name: 'message_group_uuid' }],
            keyCondition: { partition: { attribute: 'message_group_uuid' } },
          },
        ],
      },
    ],
  };
}
