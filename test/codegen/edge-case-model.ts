import type { Model } from '../../shared/model/schema.js';

/**
 * A model that exercises what the code generators must get right beyond the templates: reserved words and
 * names with dashes as attribute and parameter names, a Number sort key, a binary attribute, sets and maps,
 * every operation kind (batch-get and transact-write included), a GSI with INCLUDE projection, an LSI, and one
 * pattern with an error (it must be left out with a comment, not generated wrong).
 */
/** Quotes, a backtick, `${`, a backslash, literal braces, accents and an emoji around the parameter. */
export const HOSTILE_TEMPLATE = 'it\'s "q" `t` ${{x}} \\ é😀\r\n#{id}';
/** What HOSTILE_TEMPLATE renders before the id. */
export const HOSTILE_PREFIX = 'it\'s "q" `t` ${x} \\ é😀\r\n#';

export const edgeCaseModel: Model = {
  format: 'monotable/1',
  name: 'edge-cases',
  tables: [
    {
      name: 'edge.cases-v2',
      partitionKey: { name: 'key', type: 'S' },
      sortKey: { name: 'order', type: 'N' },
      billing: { mode: 'on-demand' },
      ttlAttribute: 'expires',
      globalSecondaryIndexes: [
        {
          name: 'by-status',
          partitionKey: { name: 'status', type: 'S' },
          sortKey: { name: 'data-size', type: 'N' },
          projection: { type: 'INCLUDE', nonKeyAttributes: ['name'] },
        },
      ],
      localSecondaryIndexes: [
        { name: 'by-date', sortKey: { name: 'date', type: 'S' }, projection: { type: 'KEYS_ONLY' } },
      ],
      entities: [
        {
          name: 'Event',
          typeAttribute: { name: '_type', value: 'Event' },
          keys: {
            key: 'EVT#{name}#{class}',
            order: '{order}',
            status: '{status}',
            'data-size': '{data-size}',
            date: '{date}',
          },
          attributes: [
            { name: 'name', type: 'S', required: true },
            { name: 'class', type: 'S', required: true },
            { name: 'order', type: 'N', required: true },
            { name: 'status', type: 'S', required: true },
            { name: 'data-size', type: 'N', required: true },
            { name: 'date', type: 'S', required: true },
            { name: 'flag', type: 'BOOL', required: true },
            { name: 'tags', type: 'SS' },
            { name: 'payload', type: 'M' },
            { name: 'blob', type: 'B' },
            { name: 'expires', type: 'N' },
          ],
        },
        {
          name: 'Counter',
          keys: { key: 'COUNTER#{counter}', order: '{order}' },
          attributes: [
            { name: 'counter', type: 'S', required: true },
            { name: 'order', type: 'N', required: true },
          ],
        },
      ],
      accessPatterns: [
        {
          name: 'get-event',
          entity: 'Event',
          kind: 'get',
          projection: ['name', 'status', 'data-size'],
          consistentRead: true,
          parameters: [{ name: 'name' }, { name: 'class' }, { name: 'order', type: 'N' }],
        },
        {
          name: 'get-events',
          entity: 'Event',
          kind: 'batch-get',
          parameters: [{ name: 'name' }, { name: 'class' }, { name: 'order', type: 'N' }],
        },
        {
          name: 'events-by-status',
          entity: 'Event',
          kind: 'query',
          index: 'by-status',
          order: 'desc',
          limit: 5,
          parameters: [{ name: 'status' }, { name: 'min' }, { name: 'max' }],
          keyCondition: {
            partition: { attribute: 'status' },
            sort: { attribute: 'data-size', operator: 'between', value: '{min}', to: '{max}' },
          },
        },
        {
          name: 'events-by-date',
          entity: 'Event',
          kind: 'query',
          index: 'by-date',
          parameters: [{ name: 'name' }, { name: 'class' }, { name: 'since' }],
          keyCondition: {
            partition: { attribute: 'key' },
            sort: { attribute: 'date', operator: '>=', value: '{since}' },
          },
        },
        {
          name: 'flagged-events',
          entity: 'Event',
          kind: 'scan',
          parameters: [{ name: 'tag' }],
          filter: [
            { attribute: 'flag', operator: '=', value: 'true' },
            { attribute: 'tags', operator: 'contains', value: '{tag}' },
          ],
        },
        {
          name: 'put-event',
          entity: 'Event',
          kind: 'put',
          parameters: [
            { name: 'name' },
            { name: 'class' },
            { name: 'order', type: 'N' },
            { name: 'status' },
            { name: 'data-size', type: 'N' },
            { name: 'date' },
            { name: 'flag', type: 'BOOL' },
            { name: 'tags' },
            { name: 'payload' },
            { name: 'blob' },
            { name: 'expires', type: 'N' },
          ],
        },
        {
          name: 'set-status',
          entity: 'Event',
          kind: 'update',
          set: ['status', 'flag'],
          parameters: [
            { name: 'name' },
            { name: 'class' },
            { name: 'order', type: 'N' },
            { name: 'status' },
            { name: 'flag', type: 'BOOL' },
          ],
        },
        {
          name: 'delete',
          entity: 'Event',
          kind: 'delete',
          parameters: [{ name: 'name' }, { name: 'class' }, { name: 'order', type: 'N' }],
        },
        {
          name: 'close-event',
          entity: 'Event',
          kind: 'transact-write',
          parameters: [
            { name: 'name' },
            { name: 'class' },
            { name: 'order', type: 'N' },
            { name: 'status' },
            { name: 'counter' },
          ],
          writes: [
            { kind: 'update', entity: 'Event', set: ['status'] },
            { kind: 'condition-check', entity: 'Counter' },
          ],
        },
        {
          name: 'broken',
          entity: 'Event',
          kind: 'query',
          index: 'no-such-index\n// or a line break\u2028',
          parameters: [{ name: 'name' }, { name: 'class' }],
          keyCondition: { partition: { attribute: 'key' } },
        },
      ],
    },
    {
      name: 'hostile-text',
      description: 'Text that must not break out of generated strings: */ """ \\ ` ${x}',
      partitionKey: { name: 'pk', type: 'S' },
      billing: { mode: 'on-demand' },
      entities: [
        {
          name: 'Quote',
          keys: { pk: HOSTILE_TEMPLATE },
          attributes: [
            { name: 'id', type: 'S', required: true },
            { name: 'said', type: 'S', required: true },
          ],
        },
      ],
      accessPatterns: [
        {
          name: 'get-quote',
          entity: 'Quote',
          kind: 'get',
          description: 'Closes a comment? */ Closes a docstring? """ Backslash \\ NUL \u0000 CR \r LS \u2028 end',
          parameters: [{ name: 'id', description: 'An id */ """', example: 'q1' }],
        },
        {
          name: 'put-quote',
          entity: 'Quote',
          kind: 'put',
          parameters: [
            { name: 'id', example: 'q1' },
            { name: 'said', example: 'hi' },
          ],
        },
      ],
    },
  ],
};
