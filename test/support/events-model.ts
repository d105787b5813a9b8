import type { Model } from '../../shared/model/schema.js';

/**
 * One table whose items all share one partition (`pk` = "LOG"), so a Scan, a Query and a pattern's Query each read
 * many pages: long enough to be interrupted. `count` items of about 300 bytes are seeded into `table`.
 */
export function eventsModel(count: number, table = 'Events'): Model {
  return {
    format: 'monotable/1',
    name: 'events',
    tables: [
      {
        name: table,
        partitionKey: { name: 'pk', type: 'S' },
        sortKey: { name: 'sk', type: 'S' },
        billing: { mode: 'on-demand' },
        entities: [
          {
            name: 'Event',
            keys: { pk: 'LOG', sk: 'EVT#{event_id}' },
            attributes: [
              { name: 'event_id', type: 'S', required: true, generator: { kind: 'sequence', start: 1, pad: 8 } },
              {
                name: 'body',
                type: 'S',
                required: true,
                generator: { kind: 'faker', method: 'lorem.paragraph', args: [4] },
              },
            ],
            seed: { count },
          },
        ],
        accessPatterns: [
          {
            name: 'all-events',
            entity: 'Event',
            kind: 'query',
            parameters: [],
            keyCondition: { partition: { attribute: 'pk' } },
          },
        ],
      },
    ],
  };
}
