import type { Model } from '../model/schema.js';
import { attr, dateRange, faker, param, ref, table } from './builders.js';

const FROM = '2026-01-01T00:00:00.000Z';
const TO = '2026-11-01T00:00:00.000Z';

// One conversation between Andrew and Bayko: a group row for each of them, and its messages.
const GROUP = '5ae290ed-55d1-47a0-bc6d-fe2bc2700399';
const ANDREW = '90ba9a4b-7f42-4bb7-8c5c-6d3d5b2a4f10';
const BAYKO = 'c2f4a6c1-0f51-4d8e-9a2b-2a8f0e3c7d55';

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
      entities: [
        {
          name: 'MessageGroup',
          description: 'One row per user and conversation: what that user sees in the list of their conversations.',
          keys: { pk: 'GRP#{user_uuid}', sk: '{last_message_at}', message_group_uuid: '{message_group_uuid}' },
          attributes: [
            attr('message_group_uuid', 'S', faker('string.uuid')),
            attr('user_uuid', 'S', faker('string.uuid'), { description: 'The user whose list this row is in.' }),
            attr('other_user_uuid', 'S', faker('string.uuid')),
            attr('other_user_display_name', 'S', faker('person.fullName')),
            attr('other_user_handle', 'S', faker('internet.username')),
            attr('message', 'S', faker('lorem.sentence'), {
              description: 'The text of the last message, shown in the list.',
            }),
            attr('last_message_at', 'S', dateRange(FROM, TO)),
            attr('updated_at', 'S', dateRange(FROM, TO), {
              required: false,
              description: 'When update-message-group last changed this row (the sort key cannot change in place).',
            }),
          ],
          seed: { count: 20 },
          samples: [
            {
              message_group_uuid: GROUP,
              user_uuid: ANDREW,
              other_user_uuid: BAYKO,
              other_user_display_name: bayko.user_display_name,
              other_user_handle: bayko.user_handle,
              message: 'See you at the standup tomorrow!',
              last_message_at: '2026-10-14T09:42:17.000Z',
            },
            {
              message_group_uuid: GROUP,
              user_uuid: BAYKO,
              other_user_uuid: ANDREW,
              other_user_display_name: andrew.user_display_name,
              other_user_handle: andrew.user_handle,
              message: 'See you at the standup tomorrow!',
              last_message_at: '2026-10-14T09:42:17.000Z',
            },
          ],
        },
        {
          name: 'Message',
          description: 'One message in a conversation.',
          keys: { pk: 'MSG#{message_group_uuid}', sk: '{created_at}', message_group_uuid: '{message_group_uuid}' },
          attributes: [
            attr('message_group_uuid', 'S', ref('MessageGroup', 'message_group_uuid')),
            attr('message_uuid', 'S', faker('string.uuid')),
            attr('user_uuid', 'S', faker('string.uuid'), { description: 'The sender.' }),
            attr('user_display_name', 'S', faker('person.fullName')),
            attr('user_handle', 'S', faker('internet.username')),
            attr('message', 'S', faker('lorem.sentence')),
            attr('created_at', 'S', dateRange(FROM, TO)),
          ],
          seed: { perParent: { min: 5, max: 50 } },
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
          description: 'Write a new message into a conversation.',
          entity: 'Message',
          kind: 'put',
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
            "Put a new last message on a user's group row. The sort key is last_message_at and DynamoDB cannot update " +
            'key attributes, so this updates the non-key message text and updated_at in place on the row found by its ' +
            'current key; moving the group to the top of list-message-groups means writing a new row under the new ' +
            'last_message_at and deleting the old one (a delete + put, ideally in one transaction).',
          entity: 'MessageGroup',
          kind: 'update',
          parameters: [
            param('user_uuid', 'Whose group row.', ANDREW),
            param('last_message_at', 'The current sort key of the row.', '2026-10-14T09:42:17.000Z'),
            param('message', 'The new last message text.', 'Great, thanks!'),
            param('updated_at', 'ISO 8601 time of the update.', '2026-10-14T09:45:00.000Z'),
          ],
          set: ['message', 'updated_at'],
        },
      ],
    }),
  ],
};
