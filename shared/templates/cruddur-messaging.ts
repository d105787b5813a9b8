import type { Model } from '../model/schema.js';
import { after, attr, dateRange, faker, param, ref, table } from './builders.js';

const FROM = '2026-01-01T00:00:00.000Z';
const TO = '2026-11-01T00:00:00.000Z';

// One conversation between Andrew and Bayko: a group row for each of them, and its messages.
const GROUP = '5ae290ed-55d1-47a0-bc6d-fe2bc2700399';
const ANDREW = '90ba9a4b-7f42-4bb7-8c5c-6d3d5b2a4f10';
const BAYKO = 'c2f4a6c1-0f51-4d8e-9a2b-2a8f0e3c7d55';

/** A value of a participant of the conversation: this row's user, the other one, or the sender. */
const member = (which: 'this' | 'other' | 'any', attribute: string) =>
  ({ kind: 'member', of: 'participants', attribute, which }) as const;

const andrew = { user_uuid: ANDREW, user_display_name: 'Andrew Brown', user_handle: 'andrewbrown' };
const bayko = { user_uuid: BAYKO, user_display_name: 'Andrew Bayko', user_handle: 'bayko' };

/**
 * The Cruddur direct-messaging design (the app of the free AWS Cloud Project Bootcamp): one table, message
 * groups per user under `GRP#{user_uuid}`, messages per group under `MSG#{message_group_uuid}`, both sorted by
 * time, and a GSI keyed on `message_group_uuid` to find every row of a conversation.
 */
export const cruddurMessaging: Model = {
  format: 'monotable/1',
  name: 'cruddur-messaging',
  description:
    'Cruddur direct messages: message groups per user, messages per group, a GSI to find the rows of a group.',
  tables: [
    table({
      name: 'cruddur-messages',
      description: 'Message groups and messages of Cruddur, single-table design.',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      billing: { mode: 'on-demand' },
      globalSecondaryIndexes: [
        {
          name: 'message-group-sk-index',
          partitionKey: { name: 'message_group_uuid', type: 'S' },
          sortKey: { name: 'sk', type: 'S' },
          projection: { type: 'ALL' },
        },
      ],
      seedEntities: [
        {
          name: 'User',
          description: "A Cruddur user. Users live in the app's Postgres database, not in this table: seed-only.",
          attributes: [
            attr('user_uuid', 'S', faker('string.uuid')),
            attr('display_name', 'S', faker('person.fullName')),
            attr('handle', 'S', faker('internet.username')),
          ],
          seed: { count: 20 },
        },
        {
          name: 'Conversation',
          description:
            'A conversation started by a user with one other user: its two group rows and its messages derive from it. ' +
            'A few users start many conversations, most start one or two.',
          attributes: [
            attr('message_group_uuid', 'S', faker('string.uuid')),
            attr('participants', 'SS', { kind: 'members', entity: 'User', attribute: 'user_uuid', count: 2, skew: 1 }),
            attr('last_message_at', 'S', {
              kind: 'aggregate',
              of: 'Message',
              function: 'max',
              attribute: 'created_at',
            }),
            attr('last_message', 'S', {
              kind: 'aggregate',
              of: 'Message',
              function: 'latest',
              attribute: 'message',
              by: 'created_at',
            }),
          ],
          seed: { parent: 'User', perParent: { min: 1, max: 12, distribution: 'skewed', skew: 1.6 } },
        },
      ],
      entities: [
        {
          name: 'MessageGroup',
          description: 'One row per user and conversation: what that user sees in the list of their conversations.',
          keys: {
            pk: 'GRP#{user_uuid}',
            sk: '{last_message_at}#{message_group_uuid}',
            message_group_uuid: '{message_group_uuid}',
          },
          attributes: [
            attr('message_group_uuid', 'S', ref('Conversation', 'message_group_uuid')),
            attr('user_uuid', 'S', member('this', 'user_uuid'), {
              description: 'The user whose list this row is in.',
            }),
            attr('other_user_uuid', 'S', member('other', 'user_uuid')),
            attr('other_user_display_name', 'S', member('other', 'display_name')),
            attr('other_user_handle', 'S', member('other', 'handle')),
            attr('message', 'S', ref('Conversation', 'last_message'), {
              description: 'The text of the last message, shown in the list.',
            }),
            attr('last_message_at', 'S', ref('Conversation', 'last_message_at')),
            attr('updated_at', 'S', after('last_message_at', 'PT2S'), {
              required: false,
              description: 'When the row was last written, just after its last message.',
            }),
          ],
          seed: { parent: 'Conversation', perMember: 'participants' },
          samples: [
            {
              message_group_uuid: GROUP,
              user_uuid: ANDREW,
              other_user_uuid: BAYKO,
              other_user_display_name: bayko.user_display_name,
              other_user_handle: bayko.user_handle,
              message: 'See you at the standup tomorrow!',
              last_message_at: '2026-10-14T09:42:17.000Z',
              updated_at: '2026-10-14T09:42:18.000Z',
            },
            {
              message_group_uuid: GROUP,
              user_uuid: BAYKO,
              other_user_uuid: ANDREW,
              other_user_display_name: andrew.user_display_name,
              other_user_handle: andrew.user_handle,
              message: 'See you at the standup tomorrow!',
              last_message_at: '2026-10-14T09:42:17.000Z',
              updated_at: '2026-10-14T09:42:18.000Z',
            },
          ],
        },
        {
          name: 'Message',
          description: 'One message in a conversation.',
          keys: {
            pk: 'MSG#{message_group_uuid}',
            sk: '{created_at}#{message_uuid}',
            message_group_uuid: '{message_group_uuid}',
          },
          attributes: [
            attr('message_group_uuid', 'S', ref('Conversation', 'message_group_uuid')),
            attr('message_uuid', 'S', faker('string.uuid')),
            attr('user_uuid', 'S', member('any', 'user_uuid'), {
              description: 'The sender: one of the two participants.',
            }),
            attr('user_display_name', 'S', member('any', 'display_name')),
            attr('user_handle', 'S', member('any', 'handle')),
            attr('message', 'S', faker('lorem.sentence')),
            attr('created_at', 'S', dateRange(FROM, TO)),
          ],
          seed: { perParent: { min: 3, max: 30 } },
          samples: [
            {
              message_group_uuid: GROUP,
              message_uuid: '0d6b1a3e-8f3c-4e4a-9a57-3b1f2c9d8e01',
              ...andrew,
              message: 'Did you push the DynamoDB changes?',
              created_at: '2026-10-14T09:30:02.000Z',
            },
            {
              message_group_uuid: GROUP,
              message_uuid: '6f2e9c4d-1b7a-4c3e-8d2f-5a9b0c1d2e03',
              ...bayko,
              message: 'Yes, the GSI is live on the dev table.',
              created_at: '2026-10-14T09:35:48.000Z',
            },
            {
              message_group_uuid: GROUP,
              message_uuid: 'a8c3d5e7-2f4b-4a6c-9e8d-7b1a3c5e9f05',
              ...andrew,
              message: 'See you at the standup tomorrow!',
              created_at: '2026-10-14T09:42:17.000Z',
            },
          ],
        },
      ],
      accessPatterns: [
        {
          name: 'list-message-groups',
          description: "A user's conversations, most recent first (the messages page sidebar).",
          entity: 'MessageGroup',
          kind: 'query',
          parameters: [param('user_uuid', 'The signed-in user.', ANDREW)],
          keyCondition: { partition: { attribute: 'pk' } },
          order: 'desc',
          limit: 20,
        },
        {
          name: 'list-messages',
          description: 'The latest 20 messages of a conversation, newest first.',
          entity: 'Message',
          kind: 'query',
          parameters: [param('message_group_uuid', 'The conversation.', GROUP)],
          keyCondition: { partition: { attribute: 'pk' } },
          order: 'desc',
          limit: 20,
        },
        {
          name: 'create-message',
          description: 'Write a new message into a conversation (never over an existing one).',
          entity: 'Message',
          kind: 'put',
          ifNotExists: true,
          parameters: [
            param('message_group_uuid', 'The conversation.', GROUP),
            param('message_uuid', 'A new UUID for the message.', 'e4b7c9d1-3a5f-4b8e-a2c4-6d8f0a1b3c07'),
            param('user_uuid', 'The sender.', ANDREW),
            param('user_display_name', "The sender's display name.", andrew.user_display_name),
            param('user_handle', "The sender's handle.", andrew.user_handle),
            param('message', 'The text.', 'Great, thanks!'),
            param('created_at', 'ISO 8601 time of sending.', '2026-10-14T09:45:00.000Z'),
          ],
        },
        {
          name: 'find-group-rows',
          description:
            'Every row of a conversation by its uuid, through the GSI: used after a new message to find the group rows ' +
            'of both users. Messages share the index partition, so a filter keeps only the group rows (GRP#).',
          entity: 'MessageGroup',
          kind: 'query',
          index: 'message-group-sk-index',
          parameters: [param('message_group_uuid', 'The conversation.', GROUP)],
          keyCondition: { partition: { attribute: 'message_group_uuid' } },
          filter: [{ attribute: 'pk', operator: 'begins_with', value: 'GRP#' }],
        },
        {
          name: 'update-message-group',
          description:
            "After a new message, move a user's group row to the top of list-message-groups. The sort key starts with " +
            'last_message_at and DynamoDB cannot change a key in place, so the pattern deletes the row at its current key ' +
            'and puts it under the new one, in one transaction (run it for both users of the conversation).',
          entity: 'MessageGroup',
          kind: 'update',
          moveFrom: { last_message_at: 'previous_last_message_at' },
          parameters: [
            param('user_uuid', 'Whose group row.', ANDREW),
            param('message_group_uuid', 'The conversation.', GROUP),
            param(
              'previous_last_message_at',
              'The current last_message_at of the row (its sort key).',
              '2026-10-14T09:42:17.000Z',
            ),
            param('other_user_uuid', 'The other participant.', BAYKO),
            param('other_user_display_name', "The other participant's display name.", bayko.user_display_name),
            param('other_user_handle', "The other participant's handle.", bayko.user_handle),
            param('message', 'The new last message text.', 'Great, thanks!'),
            param('last_message_at', 'ISO 8601 time of the new message.', '2026-10-14T09:45:00.000Z'),
            param('updated_at', 'ISO 8601 time of the update.', '2026-10-14T09:45:00.120Z'),
          ],
        },
      ],
    }),
  ],
};
