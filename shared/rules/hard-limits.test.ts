import { describe, expect, it } from 'vitest';
import type { Model, Table } from '../model/schema.js';
import { findDiagnostic, validateMutated } from '../../test/support/expect-diagnostic.js';

type Case = [name: string, mutate: (model: Model, table: Table) => void, code: string, path: string, message?: RegExp];

const gsi = (name: string) => ({
  name,
  partitionKey: { name: 'message_group_uuid', type: 'S' as const },
  projection: { type: 'KEYS_ONLY' as const },
});
const lsi = (name: string, sortKey = 'created_at') => ({
  name,
  sortKey: { name: sortKey, type: 'S' as const },
  projection: { type: 'KEYS_ONLY' as const },
});

/** One mutation of the valid base model each; every case must produce exactly one error with this code and path. */
const ERRORS: Case[] = [
  [
    'table name too short',
    (_, t) => {
      t.name = 'ab';
    },
    'table-name-invalid',
    '$.tables[0].name',
    /2 characters; DynamoDB needs 3 to 255/,
  ],
  [
    'table name too long',
    (_, t) => {
      t.name = 'a'.repeat(256);
    },
    'table-name-invalid',
    '$.tables[0].name',
    /256 characters/,
  ],
  [
    'table name with a space and a slash',
    (_, t) => {
      t.name = 'my table/x';
    },
    'table-name-invalid',
    '$.tables[0].name',
    /" " "\/"/,
  ],
  [
    'index name with a colon',
    (_, t) => {
      t.globalSecondaryIndexes![0]!.name = 'by:group';
    },
    'index-name-invalid',
    '$.tables[0].globalSecondaryIndexes[0].name',
  ],
  [
    'duplicate index names across GSI and LSI',
    (_, t) => {
      t.localSecondaryIndexes = [lsi('message-group-sk-index')];
    },
    'index-name-duplicate',
    '$.tables[0].localSecondaryIndexes[0].name',
  ],
  [
    'duplicate table names',
    (m) => {
      m.tables.push({ ...structuredClone(m.tables[0]!), entities: [], accessPatterns: [] });
    },
    'table-name-duplicate',
    '$.tables[1].name',
  ],
  [
    'key attribute name over 255 UTF-8 bytes (100 CJK characters)',
    (_, t) => {
      t.globalSecondaryIndexes![0]!.sortKey = { name: '鍵'.repeat(100), type: 'S' };
    },
    'key-attribute-name-too-long',
    '$.tables[0].globalSecondaryIndexes[0].sortKey.name',
    /300 UTF-8 bytes/,
  ],
  [
    'attribute name over 64 KB',
    (_, t) => {
      t.entities[1]!.attributes[2]!.name = 'x'.repeat(65_537);
    },
    'attribute-name-invalid',
    '$.tables[0].entities[1].attributes[2].name',
  ],
  [
    'key type BOOL',
    (_, t) => {
      (t.globalSecondaryIndexes![0]!.partitionKey as { type: string }).type = 'BOOL';
    },
    'key-type-invalid',
    '$.tables[0].globalSecondaryIndexes[0].partitionKey.type',
    /only be S, N or B/,
  ],
  [
    'key attribute with two types',
    (_, t) => {
      t.globalSecondaryIndexes![0]!.sortKey = { name: 'sk', type: 'N' };
    },
    'key-type-conflict',
    '$.tables[0].globalSecondaryIndexes[0].sortKey.type',
  ],
  [
    'table partition and sort key with the same name',
    (_, t) => {
      t.sortKey = { name: 'pk', type: 'S' };
    },
    'index-key-same-name',
    '$.tables[0].sortKey.name',
  ],
  [
    '21 GSIs',
    (_, t) => {
      for (let i = 0; i < 20; i++) t.globalSecondaryIndexes!.push(gsi(`gsi-${i}`));
    },
    'gsi-quota',
    '$.tables[0].globalSecondaryIndexes',
    /21 .*default quota is 20 per table \(adjustable\)/,
  ],
  [
    '6 LSIs',
    (_, t) => {
      t.localSecondaryIndexes = [0, 1, 2, 3, 4, 5].map((i) => lsi(`lsi-${i}`));
    },
    'lsi-quota',
    '$.tables[0].localSecondaryIndexes',
    /at most 5 \(a hard limit\)/,
  ],
  [
    'LSI on a table without sort key',
    (_, t) => {
      delete t.sortKey;
      t.globalSecondaryIndexes = [];
      t.entities.forEach((e) => {
        delete e.keys.sk;
        delete e.keys.message_group_uuid;
        e.sampleItems = [];
      });
      t.accessPatterns = [];
      t.localSecondaryIndexes = [lsi('by-created')];
    },
    'lsi-needs-sort-key',
    '$.tables[0].localSecondaryIndexes[0]',
  ],
  [
    'LSI sort key = table partition key',
    (_, t) => {
      t.localSecondaryIndexes = [lsi('by-pk', 'pk')];
    },
    'index-key-same-name',
    '$.tables[0].localSecondaryIndexes[0].sortKey.name',
  ],
  [
    'NonKeyAttributes with KEYS_ONLY',
    (_, t) => {
      t.globalSecondaryIndexes![0]!.projection = { type: 'KEYS_ONLY', nonKeyAttributes: ['message'] };
    },
    'projection-nonkey-without-include',
    '$.tables[0].globalSecondaryIndexes[0].projection.nonKeyAttributes',
  ],
  [
    'a projected attribute listed twice',
    (_, t) => {
      t.globalSecondaryIndexes![0]!.projection = { type: 'INCLUDE', nonKeyAttributes: ['message', 'message'] };
    },
    'projection-attribute-duplicate',
    '$.tables[0].globalSecondaryIndexes[0].projection.nonKeyAttributes[1]',
  ],
  [
    '101 projected attributes over two indexes',
    (_, t) => {
      t.globalSecondaryIndexes![0]!.projection = {
        type: 'INCLUDE',
        nonKeyAttributes: Array.from({ length: 60 }, (_, i) => `a${i}`),
      };
      t.localSecondaryIndexes = [
        {
          ...lsi('by-created'),
          projection: { type: 'INCLUDE', nonKeyAttributes: Array.from({ length: 41 }, (_, i) => `a${i}`) },
        },
      ];
    },
    'projection-quota',
    '$.tables[0]',
    /101 nonKeyAttributes .*\(message-group-sk-index: 60, by-created: 41\).*at most 100/,
  ],
  [
    'GSI throughput on an on-demand table',
    (_, t) => {
      t.globalSecondaryIndexes![0]!.throughput = { read: 5, write: 5 };
    },
    'gsi-throughput-on-demand',
    '$.tables[0].globalSecondaryIndexes[0].throughput',
  ],
  [
    'auto scaling min above max',
    (_, t) => {
      t.billing = {
        mode: 'provisioned',
        read: 5,
        write: 5,
        autoScaling: { minRead: 10, maxRead: 5, minWrite: 1, maxWrite: 5, targetUtilization: 70 },
      };
    },
    'autoscaling-invalid',
    '$.tables[0].billing.autoScaling.minRead',
    /minRead \(10\) is above maxRead \(5\)/,
  ],
  [
    'auto scaling target 95%',
    (_, t) => {
      t.billing = {
        mode: 'provisioned',
        read: 5,
        write: 5,
        autoScaling: { minRead: 1, maxRead: 5, minWrite: 1, maxWrite: 5, targetUtilization: 95 },
      };
    },
    'autoscaling-invalid',
    '$.tables[0].billing.autoScaling.targetUtilization',
  ],
  [
    'tag key with the reserved aws: prefix',
    (_, t) => {
      t.tags = { 'aws:owner': 'me' };
    },
    'tag-invalid',
    '$.tables[0].tags["aws:owner"]',
    /reserves/,
  ],
  [
    'tag value over 256 characters',
    (_, t) => {
      t.tags = { team: 'x'.repeat(257) };
    },
    'tag-invalid',
    '$.tables[0].tags.team',
  ],
  [
    '51 tags',
    (_, t) => {
      t.tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    },
    'tag-invalid',
    '$.tables[0].tags',
    /51 tags/,
  ],
  [
    'sample item over 400 KB counted in UTF-8 (150,000 CJK characters)',
    (_, t) => {
      t.entities[1]!.sampleItems![0]!.message = { S: '語'.repeat(150_000) };
    },
    'item-too-large',
    '$.tables[0].entities[1].sampleItems[0]',
    /439\.8 KB .*Largest attribute: "message"/,
  ],
  [
    'item plus LSI entries over 400 KB',
    (_, t) => {
      t.localSecondaryIndexes = [{ ...lsi('by-created'), projection: { type: 'ALL' } }];
      t.entities[1]!.sampleItems![0]!.message = { S: 'x'.repeat(250_000) };
    },
    'item-too-large-with-lsi',
    '$.tables[0].entities[1].sampleItems[0]',
  ],
  [
    'partition key value over 2048 UTF-8 bytes (700 CJK characters)',
    (_, t) => {
      const item = t.entities[0]!.sampleItems![0]!;
      item.user_uuid = { S: '群'.repeat(700) };
      item.pk = { S: `GRP#${'群'.repeat(700)}` };
    },
    'sample-key-too-long',
    '$.tables[0].entities[0].sampleItems[0].pk',
    /2104 bytes .*at most 2048/,
  ],
  [
    'sort key value over 1024 bytes',
    (_, t) => {
      const item = t.entities[1]!.sampleItems![0]!;
      item.created_at = { S: 'é'.repeat(513) };
      item.sk = { S: 'é'.repeat(513) };
    },
    'sample-key-too-long',
    '$.tables[0].entities[1].sampleItems[0].sk',
    /1026 bytes .*at most 1024/,
  ],
  [
    'empty key value',
    (_, t) => {
      const item = t.entities[0]!.sampleItems![0]!;
      item.message_group_uuid = { S: '' };
    },
    'sample-key-empty',
    '$.tables[0].entities[0].sampleItems[0].message_group_uuid',
  ],
  [
    'key value of the wrong type',
    (_, t) => {
      t.entities[0]!.sampleItems![0]!.sk = { N: '20261014' };
    },
    'sample-key-type',
    '$.tables[0].entities[0].sampleItems[0].sk',
    /is N, but the table and index "message-group-sk-index" define it as S/,
  ],
  [
    'missing table key',
    (_, t) => {
      delete t.entities[0]!.sampleItems![0]!.sk;
    },
    'sample-key-missing',
    '$.tables[0].entities[0].sampleItems[0]',
  ],
  [
    'empty attribute name in a sample item',
    (_, t) => {
      t.entities[1]!.sampleItems![0]![''] = { S: 'x' };
    },
    'sample-attribute-name-empty',
    '$.tables[0].entities[1].sampleItems[0][""]',
  ],
  [
    'binary value that is not base64',
    (_, t) => {
      t.entities[1]!.sampleItems![0]!.avatar = { B: 'not base64!' };
    },
    'sample-binary-invalid',
    '$.tables[0].entities[1].sampleItems[0].avatar.B',
  ],
  [
    'binary set element that is not base64',
    (_, t) => {
      t.entities[1]!.sampleItems![0]!.blobs = { BS: ['aGVsbG8=', 'abc'] };
    },
    'sample-binary-invalid',
    '$.tables[0].entities[1].sampleItems[0].blobs.BS[1]',
  ],
  [
    'LSI INCLUDE attribute name over 255 bytes',
    (_, t) => {
      t.localSecondaryIndexes = [
        {
          name: 'by-created',
          sortKey: { name: 'created_at', type: 'S' },
          projection: { type: 'INCLUDE', nonKeyAttributes: ['名'.repeat(86)] },
        },
      ];
    },
    'projection-attribute-name-too-long',
    '$.tables[0].localSecondaryIndexes[0].projection.nonKeyAttributes[0]',
    /258 UTF-8 bytes/,
  ],
  [
    'empty string set',
    (_, t) => {
      t.entities[1]!.sampleItems![0]!.tags = { SS: [] };
    },
    'sample-empty-set',
    '$.tables[0].entities[1].sampleItems[0].tags',
  ],
  [
    'duplicate numbers in a set (1 and 1.0)',
    (_, t) => {
      t.entities[1]!.sampleItems![0]!.scores = { NS: ['1', '2', '1.0'] };
    },
    'sample-set-duplicate',
    '$.tables[0].entities[1].sampleItems[0].scores.NS[2]',
  ],
  [
    'nesting 33 deep',
    (_, t) => {
      let value: import('../model/attribute-value.js').AttributeValue = { S: 'x' };
      for (let i = 0; i < 33; i++) value = { M: { n: value } };
      t.entities[1]!.sampleItems![0]!.deep = value;
    },
    'sample-nesting-too-deep',
    `$.tables[0].entities[1].sampleItems[0].deep${'.M.n'.repeat(32)}`,
    /more than 32 levels/,
  ],
  [
    '39 significant digits',
    (_, t) => {
      t.entities[1]!.sampleItems![0]!.likes = { N: '1'.repeat(39) };
    },
    'sample-number-invalid',
    '$.tables[0].entities[1].sampleItems[0].likes.N',
    /39 significant digits/,
  ],
  [
    'NaN inside a list',
    (_, t) => {
      t.entities[1]!.sampleItems![0]!.history = { L: [{ N: '1' }, { N: 'NaN' }] };
    },
    'sample-number-invalid',
    '$.tables[0].entities[1].sampleItems[0].history.L[1].N',
    /NaN or Infinity/,
  ],
  [
    'number overflow in a set',
    (_, t) => {
      t.entities[1]!.sampleItems![0]!.scores = { NS: ['1e126'] };
    },
    'sample-number-invalid',
    '$.tables[0].entities[1].sampleItems[0].scores.NS[0]',
    /too large/,
  ],
];

describe('DynamoDB hard limits', () => {
  it.each(ERRORS)('%s → %s', (_name, mutate, code, path, message) => {
    const diagnostic = findDiagnostic(
      validateMutated((m) => mutate(m, m.tables[0]!)),
      code,
    );
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.path).toBe(path);
    if (message) expect(diagnostic.message).toMatch(message);
    expect(diagnostic.hint).toBeTruthy();
  });

  it('an LSI shares the table partition key by construction (the model has no field for another one)', () => {
    const diagnostics = validateMutated((m) => {
      m.tables[0]!.localSecondaryIndexes = [lsi('by-created')];
    });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('empty strings and empty lists are fine outside keys', () => {
    const diagnostics = validateMutated((m) => {
      const item = m.tables[0]!.entities[1]!.sampleItems![0]!;
      item.message = { S: '' };
      item.history = { L: [] };
      item.meta = { M: {} };
    });
    expect(diagnostics).toEqual([]);
  });

  it('a 400,000-character key is reported as too long and never matched against its template (no backtracking)', () => {
    const diagnostics = validateMutated((m) => {
      const group = m.tables[0]!.entities[0]!;
      group.keys.sk = '{last_message_at}#{other_user_handle}#X';
      const item = group.sampleItems![0]!;
      delete item.other_user_handle;
      item.sk = { S: `${'#'.repeat(400_000)}Y` };
    });
    const atKey = diagnostics.filter((d) => d.path === '$.tables[0].entities[0].sampleItems[0].sk');
    // A template match would report this key (it does not end in "#X") as sample-key-mismatch.
    expect(atKey.map((d) => d.code)).toEqual(['sample-key-too-long']);
  });

  it('a value nested 10,000 deep is reported once, without overflowing the stack', () => {
    const diagnostics = validateMutated((m) => {
      let value: import('../model/attribute-value.js').AttributeValue = { S: 'x' };
      for (let i = 0; i < 10_000; i++) value = { L: [value] };
      m.tables[0]!.entities[1]!.sampleItems![0]!.deep = value;
    });
    expect(diagnostics.map((d) => d.code)).toEqual(['sample-nesting-too-deep']);
  });
});
