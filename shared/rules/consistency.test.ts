import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Model, Table } from '../model/schema.js';
import { findDiagnostic, validateMutated } from '../../test/support/expect-diagnostic.js';

type Case = [
  name: string,
  mutate: (model: Model, table: Table) => void,
  code: string,
  severity: Diagnostic['severity'],
  path: string,
  message?: RegExp,
];

const scoreIndex = (t: Table): void => {
  t.globalSecondaryIndexes!.push({
    name: 'by-score',
    partitionKey: { name: 'message_group_uuid', type: 'S' },
    sortKey: { name: 'score', type: 'N' },
    projection: { type: 'KEYS_ONLY' },
  });
};

/** Model consistency: templates, names, references, sample items against their entity. One mutation each. */
const CASES: Case[] = [
  [
    'unbalanced brace in a template',
    (_, t) => {
      t.entities[0]!.keys.pk = 'GRP#{user_uuid';
    },
    'template-syntax',
    'error',
    '$.tables[0].entities[0].keys.pk',
    /no closing "\}" at character 5/,
  ],
  [
    'nested parameters',
    (_, t) => {
      t.entities[0]!.keys.pk = 'GRP#{user{uuid}}';
    },
    'template-syntax',
    'error',
    '$.tables[0].entities[0].keys.pk',
    /cannot be nested at character 10/,
  ],
  [
    'template parameter that is not an attribute',
    (_, t) => {
      t.entities[0]!.keys.pk = 'GRP#{user_uid}';
    },
    'template-param-unknown',
    'error',
    '$.tables[0].entities[0].keys.pk',
    /\{user_uid\}.*Did you mean "user_uuid"\?/,
  ],
  [
    'N key template with a literal',
    (_, t) => {
      scoreIndex(t);
      t.entities[1]!.attributes.push({ name: 'likes', type: 'N' });
      t.entities[1]!.keys.score = 'S#{likes}';
    },
    'template-key-type',
    'error',
    '$.tables[0].entities[1].keys.score',
    /type N, but the template "S#\{likes\}" adds literal text/,
  ],
  [
    'constant N key that is not a number',
    (_, t) => {
      scoreIndex(t);
      t.entities[1]!.keys.score = 'TOP';
    },
    'template-key-type',
    'error',
    '$.tables[0].entities[1].keys.score',
    /adds literal text/,
  ],
  [
    'N key template from an S attribute',
    (_, t) => {
      scoreIndex(t);
      t.entities[1]!.keys.score = '{message_uuid}';
    },
    'template-key-type',
    'error',
    '$.tables[0].entities[1].keys.score',
    /\{message_uuid\} of type S/,
  ],
  [
    'S key template from a set attribute',
    (_, t) => {
      t.entities[1]!.attributes.push({ name: 'tags', type: 'SS' });
      t.entities[1]!.keys.sk = '{created_at}#{tags}';
    },
    'template-key-type',
    'error',
    '$.tables[0].entities[1].keys.sk',
    /\{tags\} of type SS/,
  ],
  [
    'no template for the table sort key',
    (_, t) => {
      delete t.entities[1]!.keys.sk;
    },
    'entity-key-template-missing',
    'error',
    '$.tables[0].entities[1].keys',
    /no template for the table key "sk"/,
  ],
  [
    'template for an attribute that is no key',
    (_, t) => {
      t.entities[1]!.keys.gsi1pk = '{message_uuid}';
    },
    'entity-key-unknown',
    'error',
    '$.tables[0].entities[1].keys.gsi1pk',
    /not a key of table "cruddur-messages"/,
  ],
  [
    'key attribute declared as an attribute with another template',
    (_, t) => {
      t.entities[1]!.keys.message_group_uuid = 'G#{message_group_uuid}';
    },
    'key-attribute-conflict',
    'error',
    '$.tables[0].entities[1].keys.message_group_uuid',
  ],
  [
    'optional attribute in a table key',
    (_, t) => {
      t.entities[0]!.attributes[1]!.required = false;
    },
    'key-param-optional',
    'warning',
    '$.tables[0].entities[0].keys.pk',
  ],
  [
    'duplicate entity name',
    (_, t) => {
      t.entities[1]!.name = 'MessageGroup';
    },
    'entity-name-duplicate',
    'error',
    '$.tables[0].entities[1].name',
  ],
  [
    'duplicate pattern name',
    (_, t) => {
      t.accessPatterns[2]!.name = 'list-messages';
    },
    'pattern-name-duplicate',
    'error',
    '$.tables[0].accessPatterns[2].name',
  ],
  [
    'duplicate attribute name',
    (_, t) => {
      t.entities[1]!.attributes.push({ name: 'message', type: 'S' });
    },
    'attribute-name-duplicate',
    'error',
    '$.tables[0].entities[1].attributes[7].name',
  ],
  [
    'attribute names differing only by case',
    (_, t) => {
      t.entities[1]!.attributes.push({ name: 'Message', type: 'S' });
    },
    'name-case-collision',
    'warning',
    '$.tables[0].entities[1].attributes[7].name',
    /"message" and "Message" differ only by case/,
  ],
  [
    'entity names differing only by case',
    (_, t) => {
      t.entities[1]!.name = 'messagegroup';
      t.accessPatterns = [];
      t.entities[1]!.attributes[0]!.generator = { kind: 'constant', value: 'g' };
    },
    'name-case-collision',
    'warning',
    '$.tables[0].entities[1].name',
  ],
  [
    'ref to a missing entity',
    (_, t) => {
      t.entities[1]!.attributes[0]!.generator = {
        kind: 'ref',
        entity: 'MessageGroups',
        attribute: 'message_group_uuid',
      };
    },
    'ref-unknown-entity',
    'error',
    '$.tables[0].entities[1].attributes[0].generator.entity',
    /Did you mean "MessageGroup"\?/,
  ],
  [
    'ref to a missing attribute',
    (_, t) => {
      t.entities[1]!.attributes[0]!.generator = { kind: 'ref', entity: 'MessageGroup', attribute: 'group_uuid' };
    },
    'ref-unknown-attribute',
    'error',
    '$.tables[0].entities[1].attributes[0].generator.attribute',
    /no attribute "group_uuid"/,
  ],
  [
    'ref to an attribute of another type',
    (_, t) => {
      t.entities[1]!.attributes.push({
        name: 'likes',
        type: 'N',
        generator: { kind: 'ref', entity: 'MessageGroup', attribute: 'user_uuid' },
      });
    },
    'ref-type-mismatch',
    'warning',
    '$.tables[0].entities[1].attributes[7].type',
  ],
  [
    'type attribute named like a key',
    (_, t) => {
      t.entities[1]!.typeAttribute = { name: 'sk', value: 'Message' };
    },
    'type-attribute-clash',
    'error',
    '$.tables[0].entities[1].typeAttribute.name',
    /is a key attribute/,
  ],
  [
    'type attribute named like an attribute',
    (_, t) => {
      t.entities[1]!.typeAttribute = { name: 'message', value: 'Message' };
    },
    'type-attribute-clash',
    'error',
    '$.tables[0].entities[1].typeAttribute.name',
    /overwrite/,
  ],
  [
    'two entities with the same type value',
    (_, t) => {
      t.entities[0]!.typeAttribute = { name: '_type', value: 'Row' };
      t.entities[1]!.typeAttribute = { name: '_type', value: 'Row' };
    },
    'type-attribute-duplicate-value',
    'warning',
    '$.tables[0].entities[1].typeAttribute.value',
  ],
  [
    'TTL attribute that is not a number',
    (_, t) => {
      t.ttlAttribute = 'created_at';
    },
    'ttl-attribute-type',
    'warning',
    '$.tables[0].entities[1].attributes[6].type',
  ],
  [
    'sample key that does not fit the template',
    (_, t) => {
      t.entities[0]!.sampleItems![0]!.pk = { S: 'GROUP#u-1' };
    },
    'sample-key-mismatch',
    'error',
    '$.tables[0].entities[0].sampleItems[0].pk',
    /"GROUP#u-1", which does not fit the template "GRP#\{user_uuid\}".*attributes give "GRP#90ba9a4b-7f42-4bb7-8c5c-6d3d5b2a4f10"/,
  ],
  [
    'sample key that disagrees with its attributes',
    (_, t) => {
      t.entities[0]!.sampleItems![0]!.pk = { S: 'GRP#u-2' };
    },
    'sample-key-mismatch',
    'error',
    '$.tables[0].entities[0].sampleItems[0].pk',
  ],
  [
    'sample attribute of another type than declared',
    (_, t) => {
      t.entities[1]!.sampleItems![0]!.message = { N: '3' };
    },
    'sample-attribute-type',
    'warning',
    '$.tables[0].entities[1].sampleItems[0].message',
  ],
  [
    'sample item without a required attribute',
    (_, t) => {
      delete t.entities[1]!.sampleItems![0]!.created_at;
    },
    'sample-required-missing',
    'warning',
    '$.tables[0].entities[1].sampleItems[0]',
  ],
  [
    'sample item with another type value',
    (_, t) => {
      t.entities[1]!.typeAttribute = { name: '_type', value: 'Message' };
      t.entities[1]!.sampleItems![0]!._type = { S: 'MessageGroup' };
    },
    'sample-type-attribute-mismatch',
    'warning',
    '$.tables[0].entities[1].sampleItems[0]._type',
  ],
  [
    'two sample items with the same primary key',
    (_, t) => {
      t.entities[1]!.sampleItems!.push(structuredClone(t.entities[1]!.sampleItems![0]!));
    },
    'sample-duplicate-key',
    'warning',
    '$.tables[0].entities[1].sampleItems[3]',
    /same primary key as sample item 0 of "Message"/,
  ],
  [
    'LSI with the table sort key',
    (_, t) => {
      t.localSecondaryIndexes = [{ name: 'same', sortKey: { name: 'sk', type: 'S' }, projection: { type: 'ALL' } }];
    },
    'lsi-same-sort-key',
    'warning',
    '$.tables[0].localSecondaryIndexes[0].sortKey.name',
  ],
  [
    'an entity with only one of the index keys',
    (_, t) => {
      t.globalSecondaryIndexes![0]!.sortKey = { name: 'created_at', type: 'S' };
      t.entities[1]!.keys.created_at = '{created_at}';
    },
    'entity-index-key-incomplete',
    'warning',
    '$.tables[0].entities[0].keys',
    /"MessageGroup" has a template for "message_group_uuid" but not for "created_at"/,
  ],
  [
    'an index no entity writes',
    (_, t) => {
      t.globalSecondaryIndexes!.push({
        name: 'by-handle',
        partitionKey: { name: 'handle', type: 'S' },
        projection: { type: 'ALL' },
      });
    },
    'index-unused',
    'warning',
    '$.tables[0].globalSecondaryIndexes[1]',
    /stays empty/,
  ],
  [
    'INCLUDE of an attribute no entity has',
    (_, t) => {
      t.globalSecondaryIndexes![0]!.projection = { type: 'INCLUDE', nonKeyAttributes: ['mesage'] };
    },
    'projection-attribute-unknown',
    'warning',
    '$.tables[0].globalSecondaryIndexes[0].projection.nonKeyAttributes[0]',
    /Did you mean "message"\?/,
  ],
  [
    'INCLUDE without attributes',
    (_, t) => {
      t.globalSecondaryIndexes![0]!.projection = { type: 'INCLUDE' };
    },
    'projection-include-empty',
    'warning',
    '$.tables[0].globalSecondaryIndexes[0].projection',
  ],
];

describe('model consistency', () => {
  it('an entity outside a GSI that shares the table sort key is not told it is half in it', () => {
    const diagnostics = validateMutated((m) => {
      const group = m.tables[0]!.entities[0]!;
      delete group.keys.message_group_uuid;
      m.tables[0]!.accessPatterns = m.tables[0]!.accessPatterns.filter((p) => p.entity !== 'MessageGroup');
    });
    expect(diagnostics).toEqual([]);
  });

  it('accepts a constant number for an N key (a metadata row with score 0)', () => {
    const diagnostics = validateMutated((m) => {
      const t = m.tables[0]!;
      scoreIndex(t);
      t.entities[1]!.keys.score = '0';
    });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

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
});
