import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../keys/template.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Model, Table } from '../model/schema.js';
import { templatesMayOverlap } from './key-collisions.js';
import { findDiagnostic, validateMutated } from '../../test/support/expect-diagnostic.js';

type Case = [
  name: string,
  mutate: (model: Model, table: Table) => void,
  code: string,
  severity: Diagnostic['severity'],
  path: string,
  message?: RegExp,
];

/** Design warnings and infos: legal models that will hurt in production or surprise their authors. */
const CASES: Case[] = [
  [
    'constant partition template',
    (_, t) => {
      t.entities[0]!.keys.pk = 'GROUPS';
      t.entities[0]!.sampleItems = [];
    },
    'hot-partition',
    'warning',
    '$.tables[0].entities[0].keys.pk',
    /constant "GROUPS": every MessageGroup item lands in one partition/,
  ],
  [
    'partition template over a 3-value attribute',
    (_, t) => {
      t.entities[0]!.attributes.push({
        name: 'region',
        type: 'S',
        generator: { kind: 'one-of', values: ['eu', 'us', 'ap'] },
      });
      t.entities[0]!.keys.pk = 'GRP#{region}';
      t.entities[0]!.sampleItems = [];
    },
    'hot-partition',
    'warning',
    '$.tables[0].entities[0].keys.pk',
    /at most 3 distinct values/,
  ],
  [
    'GSI partition template over a BOOL attribute',
    (_, t) => {
      t.entities[1]!.attributes.push({ name: 'read', type: 'BOOL' });
      t.entities[1]!.keys.message_group_uuid = 'READ#{read}';
      t.entities[1]!.attributes.shift();
      t.entities[1]!.keys.pk = 'MSG#{message_uuid}';
      t.entities[1]!.sampleItems = [];
      t.accessPatterns = [];
    },
    'hot-partition',
    'warning',
    '$.tables[0].entities[1].keys.message_group_uuid',
    /at most 2 distinct values/,
  ],
  [
    'two entities whose keys can collide',
    (_, t) => {
      t.entities[1]!.keys.pk = 'GRP#{message_group_uuid}';
      t.entities[1]!.sampleItems = [];
    },
    'entity-key-collision',
    'warning',
    '$.tables[0].entities[1].keys',
    /"Message" \(pk "GRP#\{message_group_uuid\}", sk "\{created_at\}#\{message_uuid\}"\) can produce the same primary key as "MessageGroup"/,
  ],
  [
    'entities with free-form keys',
    (_, t) => {
      t.entities[0]!.keys.pk = '{user_uuid}';
      t.entities[1]!.keys.pk = '{message_group_uuid}';
      t.entities[0]!.keys.sk = '{last_message_at}';
      t.entities[1]!.keys.sk = '{message_uuid}';
      t.entities.forEach((e) => {
        e.sampleItems = [];
      });
    },
    'entity-keys-free-form',
    'info',
    '$.tables[0].entities',
    /"MessageGroup", "Message" of table "cruddur-messages" take their primary keys verbatim/,
  ],
  [
    'a table sort key that is only a timestamp',
    (_, t) => {
      t.entities[1]!.keys.sk = 'AT#{created_at}';
      t.entities[1]!.sampleItems = [];
    },
    'sort-key-timestamp-only',
    'warning',
    '$.tables[0].entities[1].keys.sk',
    /only the time "created_at".*same millisecond/,
  ],
  [
    'adjacent parameters',
    (_, t) => {
      t.entities[1]!.keys.sk = '{created_at}{message_uuid}';
      t.entities[1]!.sampleItems = [];
    },
    'template-ambiguous',
    'warning',
    '$.tables[0].entities[1].keys.sk',
    /no literal between the parameters/,
  ],
  [
    'free text before a delimiter',
    (_, t) => {
      t.entities[1]!.keys.sk = '{message}#{created_at}';
      t.entities[1]!.sampleItems = [];
    },
    'template-delimiter-in-values',
    'info',
    '$.tables[0].entities[1].keys.sk',
    /\{message\}.*may contain "#"/,
  ],
  [
    'listed values that contain the delimiter',
    (_, t) => {
      t.entities[1]!.attributes.push({
        name: 'channel',
        type: 'S',
        generator: { kind: 'one-of', values: ['web', 'app#ios'] },
      });
      t.entities[1]!.keys.sk = '{channel}#{created_at}';
      t.entities[1]!.sampleItems = [];
    },
    'template-value-breaks-key',
    'warning',
    '$.tables[0].entities[1].keys.sk',
    /"app#ios"/,
  ],
  [
    'a sample value that contains the delimiter',
    (_, t) => {
      t.entities[1]!.keys.sk = '{message_uuid}#{created_at}';
      const item = t.entities[1]!.sampleItems![0]!;
      item.message_uuid = { S: 'm#1' };
      item.sk = { S: 'm#1#2026-10-14T09:30:02.000Z' };
      t.entities[1]!.sampleItems = [item];
    },
    'template-value-breaks-key',
    'warning',
    '$.tables[0].entities[1].sampleItems[0].sk',
    /"message_uuid" contains "#"/,
  ],
  [
    'reserved word attribute name',
    (_, t) => {
      t.entities[1]!.attributes.push({ name: 'status', type: 'S' });
    },
    'reserved-word',
    'info',
    '$.tables[0].entities[1].attributes[7].name',
    /"status" is a DynamoDB reserved word/,
  ],
  [
    'deletion protection off',
    (_, t) => {
      t.deletionProtection = false;
    },
    'deletion-protection-off',
    'warning',
    '$.tables[0].deletionProtection',
  ],
  [
    'point-in-time recovery unset',
    (_, t) => {
      delete t.pointInTimeRecovery;
    },
    'pitr-off',
    'warning',
    '$.tables[0].pointInTimeRecovery',
  ],
  [
    'a table with an LSI',
    (_, t) => {
      t.localSecondaryIndexes = [
        { name: 'by-created', sortKey: { name: 'created_at', type: 'S' }, projection: { type: 'KEYS_ONLY' } },
      ];
    },
    'lsi-item-collection-limit',
    'warning',
    '$.tables[0].localSecondaryIndexes',
    /10 GB/,
  ],
];

describe('design lints', () => {
  it.each(CASES)('%s → %s', (_name, mutate, code, severity, path, message) => {
    const diagnostic = findDiagnostic(
      validateMutated((m) => mutate(m, m.tables[0]!)),
      code,
    );
    expect(diagnostic.severity).toBe(severity);
    expect(diagnostic.path).toBe(path);
    if (message) expect(diagnostic.message).toMatch(message);
    expect(diagnostic.hint).toBeTruthy();
  });

  it('a faker method named like an Object property is just an unknown method', () => {
    const diagnostics = validateMutated((m) => {
      const message = m.tables[0]!.entities[1]!;
      message.attributes[2]!.generator = { kind: 'faker', method: 'constructor' };
      message.keys.sk = '{message}#{created_at}';
      message.sampleItems = [];
    });
    expect(diagnostics.map((d) => d.code)).toEqual(['template-delimiter-in-values']);
  });

  it('uuid and date values before a "#" are not flagged', () => {
    const diagnostics = validateMutated((_m) => {
      const t = _m.tables[0]!;
      t.entities[1]!.keys.sk = '{created_at}#{message_uuid}';
      for (const item of t.entities[1]!.sampleItems!) {
        const text = (name: string): string => (item[name] as { S: string }).S;
        item.sk = { S: `${text('created_at')}#${text('message_uuid')}` };
      }
    });
    expect(diagnostics).toEqual([]);
  });

  it.each([
    ['MSG#{a}', 'GRP#{b}', false],
    ['MSG#{a}', 'MSG#{b}', true],
    ['MSG#{a}', 'MSG#X#{b}', true],
    ['{a}', 'GRP#{b}', true],
    ['{a}#META', '{b}#ITEM', false],
    ['PROFILE', 'PROFILE', true],
    ['PROFILE', 'ORDER', false],
    ['PROFILE', 'PRO{b}', true],
    ['PROFILE', 'ORDER#{b}', false],
  ])('templatesMayOverlap(%s, %s) = %s', (a, b, expected) => {
    expect(templatesMayOverlap(parseTemplate(a), parseTemplate(b))).toBe(expected);
    expect(templatesMayOverlap(parseTemplate(b), parseTemplate(a))).toBe(expected);
  });
});

describe('the timestamp-only sort key warning', () => {
  it('suggests a unique attribute of the entity as a suffix, and is quiet once the key has one', () => {
    const found = findDiagnostic(
      validateMutated((m) => {
        const t = m.tables[0]!;
        t.entities[1]!.keys.sk = '{created_at}';
        t.entities[1]!.sampleItems = [];
      }),
      'sort-key-timestamp-only',
    );
    expect(found.hint).toContain('"{created_at}#{message_uuid}"');
    const quiet = validateMutated(() => {}).filter((d) => d.code === 'sort-key-timestamp-only');
    expect(quiet).toEqual([]);
  });
});
