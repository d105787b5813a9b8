import { describe, expect, it } from 'vitest';
import type { AccessPattern } from '../model/schema.js';
import { TEMPLATES } from '../templates/index.js';
import { cruddurModel } from '../../test/support/cruddur-model.js';
import { resolveAll, resolvePattern } from './resolve.js';
import { patternDiagnostics } from './diagnostics.js';

const codes = (name: string, extra: AccessPattern[]) =>
  resolvePattern(cruddurModel({ patterns: extra }), name).diagnostics.map((d) => `${d.severity}:${d.code}`);

describe('resolvePattern on the Cruddur patterns', () => {
  it('list-messages is a Query on the table, pk = MSG#{message_group_uuid}, newest first, limit 20', () => {
    const r = resolvePattern(cruddurModel(), 'list-messages');
    expect(r).toMatchObject({
      operation: 'Query',
      indexKind: 'table',
      table: 'cruddur-messages',
      needsScan: false,
      keyConditionExpression: '#k0 = :v0',
      expressionAttributeNames: { '#k0': 'pk' },
      expressionAttributeValues: { ':v0': { template: 'MSG#{message_group_uuid}', type: 'S' } },
      scanIndexForward: false,
      limit: 20,
    });
    expect(r.indexName).toBeUndefined();
    expect(r.summary).toBe('Query cruddur-messages where pk = MSG#{message_group_uuid}, newest first, limit 20');
    expect(r.diagnostics).toEqual([]);
  });

  it('find-group-rows is a Query on the GSI chosen by its partition key', () => {
    const r = resolvePattern(cruddurModel(), 'find-group-rows');
    expect(r).toMatchObject({
      operation: 'Query',
      indexName: 'message-group-sk-index',
      indexKind: 'gsi',
      keyConditionExpression: '#k0 = :v0',
    });
    expect(r.expressionAttributeNames).toEqual({ '#k0': 'message_group_uuid', '#f0': 'pk' });
    expect(r.expressionAttributeValues).toEqual({
      ':v0': { template: '{message_group_uuid}', type: 'S' },
      ':v1': { template: 'GRP#', type: 'S' },
    });
    expect(r.summary).toBe(
      'Query message-group-sk-index where message_group_uuid = {message_group_uuid}, filtered by begins_with(pk, "GRP#")',
    );
  });

  it('an unknown pattern name is NOT_FOUND listing the known ones', () => {
    expect(() => resolvePattern(cruddurModel(), 'nope')).toThrow(
      expect.objectContaining({
        code: 'NOT_FOUND',
        details: expect.objectContaining({ hint: expect.stringContaining('list-messages') }),
      }),
    );
  });
});

describe('key conditions', () => {
  const query = (over: Partial<AccessPattern>): AccessPattern => ({
    name: 'p',
    entity: 'Message',
    kind: 'query',
    parameters: [{ name: 'message_group_uuid' }],
    keyCondition: { partition: { attribute: 'pk' } },
    ...over,
  });

  it('begins_with without a value takes the literal prefix of the entity sort template', () => {
    const model = cruddurModel({
      changeTable: (t) => {
        t.entities[1]!.keys['sk'] = 'MSG#{created_at}';
      },
    });
    model.tables[0]!.accessPatterns.push(
      query({ keyCondition: { partition: { attribute: 'pk' }, sort: { attribute: 'sk', operator: 'begins_with' } } }),
    );
    const r = resolvePattern(model, 'p');
    expect(r.keyConditionExpression).toBe('#k0 = :v0 AND begins_with(#k1, :v1)');
    expect(r.expressionAttributeValues[':v1']).toEqual({ template: 'MSG#', type: 'S' });
    expect(r.summary).toContain('begins_with(sk, "MSG#")');
  });

  it('between writes both bounds; the parameters count as used', () => {
    const r = resolvePattern(
      cruddurModel({
        patterns: [
          query({
            parameters: [{ name: 'message_group_uuid' }, { name: 'from' }, { name: 'to' }],
            keyCondition: {
              partition: { attribute: 'pk' },
              sort: { attribute: 'sk', operator: 'between', value: '{from}', to: '{to}' },
            },
          }),
        ],
      }),
      'p',
    );
    expect(r.keyConditionExpression).toBe('#k0 = :v0 AND #k1 BETWEEN :v1 AND :v2');
    expect(r.diagnostics).toEqual([]);
  });

  it('a key condition no index serves becomes a Scan with a filter and a pattern-needs-scan warning', () => {
    const r = resolvePattern(
      cruddurModel({
        patterns: [
          query({
            parameters: [{ name: 'user_uuid' }],
            keyCondition: { partition: { attribute: 'user_uuid', value: '{user_uuid}' } },
          }),
        ],
      }),
      'p',
    );
    expect(r).toMatchObject({
      operation: 'Scan',
      needsScan: true,
      filterExpression: '#f0 = :v0',
      expressionAttributeNames: { '#f0': 'user_uuid' },
    });
    expect(r.keyConditionExpression).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['pattern-needs-scan']);
    expect(r.diagnostics[0]!.path).toBe('$.tables[0].accessPatterns[5].keyCondition');
  });

  it("a query naming an index but no key condition uses that index's partition key", () => {
    const r = resolvePattern(
      cruddurModel({
        patterns: [
          {
            name: 'p',
            entity: 'Message',
            kind: 'query',
            index: 'message-group-sk-index',
            parameters: [{ name: 'message_group_uuid' }],
          },
        ],
      }),
      'p',
    );
    expect(r).toMatchObject({
      operation: 'Query',
      indexName: 'message-group-sk-index',
      expressionAttributeNames: { '#k0': 'message_group_uuid' },
      diagnostics: [],
    });
  });

  it('an explicit index that cannot serve the key condition is an error', () => {
    expect(codes('p', [query({ index: 'message-group-sk-index' })])).toContain('error:pattern-index-cannot-serve');
    expect(codes('p', [query({ index: 'missing-index' })])).toContain('error:pattern-unknown-index');
  });

  it('consistentRead on a GSI is an error; on the table it is passed through', () => {
    expect(
      codes('p', [query({ keyCondition: { partition: { attribute: 'message_group_uuid' } }, consistentRead: true })]),
    ).toContain('error:pattern-consistent-read-gsi');
    expect(resolvePattern(cruddurModel({ patterns: [query({ consistentRead: true })] }), 'p').consistentRead).toBe(
      true,
    );
  });

  it('begins_with on a Number sort key and a text template for a Number key are errors', () => {
    const model = cruddurModel({
      changeTable: (t) => {
        t.sortKey = { name: 'sk', type: 'N' };
      },
    });
    model.tables[0]!.accessPatterns.push(
      query({
        parameters: [{ name: 'message_group_uuid' }, { name: 'n' }],
        keyCondition: {
          partition: { attribute: 'pk' },
          sort: { attribute: 'sk', operator: 'begins_with', value: 'X{n}' },
        },
      }),
    );
    const found = resolvePattern(model, 'p').diagnostics.map((d) => d.code);
    expect(found).toContain('pattern-begins-with-number');
    expect(found).toContain('pattern-value-type');
  });
});

describe('aliasing', () => {
  it('reserved words and odd names are always aliased, each name once, no unused placeholders', () => {
    const model = cruddurModel({
      patterns: [
        {
          name: 'p',
          entity: 'Message',
          kind: 'query',
          parameters: [{ name: 'message_group_uuid' }, { name: 'status' }],
          keyCondition: { partition: { attribute: 'pk' } },
          filter: [
            { attribute: 'status', operator: '=' },
            { attribute: 'user.name', operator: 'attribute_exists' },
          ],
          projection: ['name', 'status', 'pk'],
        },
      ],
    });
    const r = resolvePattern(model, 'p');
    expect(r.filterExpression).toBe('#f0 = :v1 AND attribute_exists(#f1)');
    expect(r.projectionExpression).toBe('#p0, #f0, #k0');
    expect(r.expressionAttributeNames).toEqual({ '#k0': 'pk', '#f0': 'status', '#f1': 'user.name', '#p0': 'name' });
    const text = [r.keyConditionExpression, r.filterExpression, r.projectionExpression].join(' ');
    for (const placeholder of [...Object.keys(r.expressionAttributeNames), ...Object.keys(r.expressionAttributeValues)])
      expect(text).toContain(placeholder);
    expect(text).not.toMatch(/\b(status|name|pk)\b/);
  });
});

describe('writes and parameter checks', () => {
  it('put renders every key template, the type attribute and required or given attributes', () => {
    const r = resolvePattern(
      cruddurModel({
        patterns: [
          {
            name: 'p',
            entity: 'MessageGroup',
            kind: 'put',
            parameters: [
              'user_uuid',
              'last_message_at',
              'message_group_uuid',
              'other_user_uuid',
              'other_user_display_name',
              'other_user_handle',
              'message',
            ].map((name) => ({ name })),
          },
        ],
        changeTable: (t) => {
          t.entities[0]!.typeAttribute = { name: 'type', value: 'MessageGroup' };
        },
      }),
      'p',
    );
    expect(r.operation).toBe('PutItem');
    expect(r.item).toEqual({
      pk: { template: 'GRP#{user_uuid}', type: 'S' },
      sk: { template: '{last_message_at}', type: 'S' },
      message_group_uuid: { template: '{message_group_uuid}', type: 'S' },
      type: { template: 'MessageGroup', type: 'S' },
      user_uuid: { template: '{user_uuid}', type: 'S' },
      other_user_uuid: { template: '{other_user_uuid}', type: 'S' },
      other_user_display_name: { template: '{other_user_display_name}', type: 'S' },
      other_user_handle: { template: '{other_user_handle}', type: 'S' },
      message: { template: '{message}', type: 'S' },
      last_message_at: { template: '{last_message_at}', type: 'S' },
    });
    expect(r.diagnostics).toEqual([]);
  });

  it('put leaves out a sparse index key whose parameters are not given, and says so', () => {
    const r = resolvePattern(
      cruddurModel({
        patterns: [
          {
            name: 'p',
            entity: 'Message',
            kind: 'put',
            parameters: ['created_at', 'message'].map((name) => ({ name })),
          },
        ],
        changeTable: (t) => {
          t.entities[1]!.keys = { pk: 'MSG', sk: '{created_at}', message_group_uuid: '{message_group_uuid}' };
          for (const a of t.entities[1]!.attributes) a.required = a.name === 'created_at' || a.name === 'message';
        },
      }),
      'p',
    );
    expect(Object.keys(r.item!)).toEqual(['pk', 'sk', 'message', 'created_at']);
    expect(r.diagnostics.map((d) => `${d.severity}:${d.code}`)).toEqual(['info:pattern-put-skips-index-key']);
  });

  it('update without set, on a key attribute, or on an unknown attribute is an error', () => {
    const base = {
      name: 'p',
      entity: 'Message',
      kind: 'update' as const,
      parameters: [{ name: 'message_group_uuid' }, { name: 'created_at' }],
    };
    expect(codes('p', [base])).toContain('error:pattern-update-without-set');
    expect(codes('p', [{ ...base, set: ['sk'] }])).toContain('error:pattern-update-key-attribute');
    expect(codes('p', [{ ...base, parameters: [...base.parameters, { name: 'colour' }], set: ['colour'] }])).toContain(
      'error:pattern-unknown-attribute',
    );
  });

  it('update writes SET with aliased names and warns when a key built from a set attribute goes stale', () => {
    const model = cruddurModel({
      patterns: [
        {
          name: 'p',
          entity: 'MessageGroup',
          kind: 'update',
          parameters: [{ name: 'user_uuid' }, { name: 'last_message_at' }, { name: 'message_group_uuid' }],
          set: ['message_group_uuid'],
        },
      ],
    });
    const r = resolvePattern(model, 'p');
    expect(r.updateExpression).toBe('SET #s0 = :v0');
    expect(r.conditionExpression).toBe('attribute_exists(#c0)');
    expect(r.expressionAttributeNames).toEqual({ '#s0': 'message_group_uuid', '#c0': 'pk' });
    expect(r.key).toEqual({
      pk: { template: 'GRP#{user_uuid}', type: 'S' },
      sk: { template: '{last_message_at}', type: 'S' },
    });
    expect(r.diagnostics).toEqual([]);
    const stale = codes('p', [
      {
        name: 'p',
        entity: 'MessageGroup',
        kind: 'update',
        parameters: [{ name: 'user_uuid' }, { name: 'last_message_at' }],
        set: ['last_message_at'],
      },
    ]);
    expect(stale).toEqual(['warning:pattern-stale-index-key']);
  });

  it('undeclared parameters are errors, unused ones warnings', () => {
    const found = codes('p', [
      { name: 'p', entity: 'Message', kind: 'get', parameters: [{ name: 'message_group_uuid' }, { name: 'extra' }] },
    ]);
    expect(found).toEqual(['error:pattern-undeclared-parameter', 'warning:pattern-unused-parameter']);
  });

  it('an unknown entity is an error naming the entities', () => {
    const r = resolvePattern(
      cruddurModel({ patterns: [{ name: 'p', entity: 'Nope', kind: 'get', parameters: [] }] }),
      'p',
    );
    expect(r.diagnostics[0]).toMatchObject({
      code: 'pattern-unknown-entity',
      severity: 'error',
      path: '$.tables[0].accessPatterns[5].entity',
    });
    expect(r.diagnostics[0]!.hint).toContain('MessageGroup, Message');
  });

  it('transact-write resolves each write; condition-check requires the item to exist', () => {
    const r = resolvePattern(
      cruddurModel({
        patterns: [
          {
            name: 'p',
            entity: 'Message',
            kind: 'transact-write',
            parameters: [
              'message_group_uuid',
              'created_at',
              'message_uuid',
              'message',
              'user_uuid',
              'user_display_name',
              'user_handle',
              'last_message_at',
            ].map((name) => ({ name })),
            writes: [
              { kind: 'put', entity: 'Message' },
              { kind: 'update', entity: 'MessageGroup', set: ['message'] },
              { kind: 'condition-check', entity: 'MessageGroup' },
            ],
          },
        ],
      }),
      'p',
    );
    expect(r.operation).toBe('TransactWriteItems');
    expect(r.transactItems!.map((t) => t.operation)).toEqual(['PutItem', 'UpdateItem', 'GetItem']);
    expect(r.transactItems![2]!.conditionExpression).toBe('attribute_exists(#c0)');
    expect(r.diagnostics).toEqual([]);
    expect(codes('p', [{ name: 'p', entity: 'Message', kind: 'transact-write', parameters: [] }])).toContain(
      'error:pattern-transact-without-writes',
    );
  });

  it('an expression over 4 KB is an error', () => {
    const projection = Array.from({ length: 900 }, (_, i) => `attribute_${i}`);
    expect(
      codes('p', [
        {
          name: 'p',
          entity: 'Message',
          kind: 'get',
          parameters: [{ name: 'message_group_uuid' }, { name: 'created_at' }],
          projection,
        },
      ]),
    ).toContain('error:pattern-expression-too-long');
  });
});

describe('field checks', () => {
  it('a Query filter on a key of the queried index is an error; on another attribute it is fine', () => {
    const q = (attribute: string): AccessPattern => ({
      name: 'p',
      entity: 'Message',
      kind: 'query',
      parameters: [{ name: 'message_group_uuid' }, { name: attribute }],
      keyCondition: { partition: { attribute: 'pk' } },
      filter: [{ attribute, operator: '=' }],
    });
    expect(codes('p', [q('sk')])).toEqual(['error:pattern-filter-on-key']);
    expect(codes('p', [q('message')])).toEqual([]);
    // pk is not a key of the GSI, so find-group-rows style filters on it are allowed
    expect(
      codes('p', [
        {
          ...q('pk'),
          keyCondition: { partition: { attribute: 'message_group_uuid' } },
          filter: [{ attribute: 'pk', operator: 'begins_with', value: 'MSG#' }],
          parameters: [{ name: 'message_group_uuid' }],
        },
      ]),
    ).toEqual([]);
  });

  it('fields a kind does not use, unknown attributes, and a get without the full key are reported', () => {
    expect(
      codes('p', [
        {
          name: 'p',
          entity: 'Message',
          kind: 'put',
          parameters: [
            'message_group_uuid',
            'message_uuid',
            'user_uuid',
            'user_display_name',
            'user_handle',
            'message',
            'created_at',
          ].map((name) => ({ name })),
          limit: 5,
        },
      ]),
    ).toEqual(['warning:pattern-field-ignored']);
    expect(
      codes('p', [
        {
          name: 'p',
          entity: 'Message',
          kind: 'query',
          parameters: [{ name: 'message_group_uuid' }],
          projection: ['colour'],
        },
      ]),
    ).toEqual(['warning:pattern-unknown-attribute']);
    expect(
      codes('p', [
        {
          name: 'p',
          entity: 'Message',
          kind: 'get',
          parameters: [{ name: 'message_group_uuid' }, { name: 'created_at' }],
          keyCondition: {
            partition: { attribute: 'pk' },
            sort: { attribute: 'sk', operator: '>', value: '{created_at}' },
          },
        },
      ]),
    ).toContain('error:pattern-get-needs-full-key');
    expect(
      codes('p', [
        {
          name: 'p',
          entity: 'Message',
          kind: 'delete',
          parameters: [{ name: 'message_group_uuid' }, { name: 'created_at' }],
          keyCondition: { partition: { attribute: 'message_group_uuid' } },
        },
      ]),
    ).toContain('error:pattern-key-not-primary');
  });
});

describe('resolveAll and patternDiagnostics', () => {
  it('every built-in template resolves without pattern errors and without scans', () => {
    for (const template of TEMPLATES) {
      const resolved = resolveAll(template.model);
      expect(resolved.length, template.name).toBeGreaterThan(0);
      expect(
        patternDiagnostics(template.model).filter((d) => d.severity === 'error'),
        template.name,
      ).toEqual([]);
      expect(
        resolved.filter((r) => r.needsScan).map((r) => r.name),
        template.name,
      ).toEqual([]);
    }
  });
});
