import { faker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { matchTemplate, parseTemplate } from '../keys/template.js';
import { keyAttributes } from '../model/indexes.js';
import { parseModel } from '../model/parse-model.js';
import { ModelSchema } from '../model/schema.js';
import { serializeModel } from '../model/serialize-model.js';
import { previewPattern } from '../preview/preview-pattern.js';
import { validate } from '../rules/validate.js';
import { planSeed } from '../seed/plan-seed.js';
import { findTemplate, TEMPLATES, templateNames } from './index.js';

describe('built-in templates', () => {
  it('has the worked example and three classic designs, each name once', () => {
    expect(templateNames()).toEqual(['cruddur-messaging', 'online-shop', 'multi-tenant-saas', 'game-leaderboard']);
    expect(new Set(templateNames()).size).toBe(TEMPLATES.length);
  });

  describe.each(TEMPLATES.map((t) => [t.name, t] as const))('%s', (_name, template) => {
    const { model } = template;

    it('is a valid model file that survives writing and reading back unchanged', () => {
      expect(() => ModelSchema.parse(model)).not.toThrow();
      const text = serializeModel(model);
      expect(serializeModel(parseModel(text, `${template.name}.monotable.json`))).toBe(text);
    });

    it('validates with no errors (warnings are the design lessons: hot partitions, production safety)', () => {
      expect(validate(model).filter((d) => d.severity === 'error')).toEqual([]);
    });

    it('has generators on every attribute, sample items on every entity and at least four access patterns', () => {
      for (const table of model.tables) {
        expect(table.accessPatterns.length).toBeGreaterThanOrEqual(4);
        for (const entity of table.entities) {
          expect(entity.sampleItems?.length, entity.name).toBeGreaterThan(0);
          for (const attribute of entity.attributes)
            expect(attribute.generator, `${entity.name}.${attribute.name}`).toBeDefined();
        }
      }
    });

    it('has sample items whose keys match their entity templates and whose key types fit the table', () => {
      for (const table of model.tables) {
        const keyTypes = new Map(keyAttributes(table).map((k) => [k.name, k.type]));
        for (const entity of table.entities) {
          for (const item of entity.sampleItems ?? []) {
            for (const [keyName, source] of Object.entries(entity.keys)) {
              const value = item[keyName];
              expect(value, `${entity.name}.${keyName}`).toBeDefined();
              const [type, text] = Object.entries(value!)[0]!;
              expect(type).toBe(keyTypes.get(keyName));
              const params = matchTemplate(parseTemplate(source), String(text));
              expect(params, `${entity.name}.${keyName} = ${String(text)}`).toBeDefined();
              for (const [name, got] of Object.entries(params!))
                expect(Object.values(item[name]!)[0]).toEqual(got.length ? got : expect.anything());
            }
          }
        }
      }
    });

    it('gives every parameter an example, and every read pattern finds sample items with the examples', () => {
      for (const pattern of model.tables.flatMap((t) => t.accessPatterns)) {
        for (const parameter of pattern.parameters)
          expect(parameter.example, `${pattern.name}.${parameter.name}`).toBeDefined();
        if (!['get', 'query', 'scan', 'batch-get'].includes(pattern.kind)) continue;
        expect(previewPattern(model, pattern.name).items.length, pattern.name).toBeGreaterThan(0);
      }
    });

    it('uses only Faker methods that exist and refs to attributes that exist', () => {
      for (const table of model.tables) {
        for (const entity of table.entities) {
          for (const { generator, name } of entity.attributes) {
            if (generator?.kind === 'faker') {
              const [module, method] = generator.method.split('.');
              const fn = (faker as unknown as Record<string, Record<string, unknown>>)[module!]?.[method!];
              expect(typeof fn, generator.method).toBe('function');
            }
            if (generator?.kind === 'ref') {
              const parent = [...table.entities, ...(table.seedEntities ?? [])].find(
                (e) => e.name === generator.entity,
              );
              expect(
                parent?.attributes.some((a) => a.name === generator.attribute),
                `${entity.name}.${name}`,
              ).toBe(true);
            }
          }
        }
      }
    });
  });

  it.each(TEMPLATES.map((t) => [t.name, t] as const))(
    '%s seeds related items with keys from its templates and no problems',
    (_name, template) => {
      const table = template.model.tables[0]!;
      const plan = planSeed(template.model, { seed: 1 });
      expect(plan.notes.filter((n) => n.severity === 'error')).toEqual([]);
      let count = 0;
      for (const planned of plan.items()) {
        count++;
        expect(planned.problem, planned.keyText).toBeUndefined();
        const entity = table.entities.find((e) => e.name === planned.entity)!;
        for (const attribute of entity.attributes.filter((a) => a.required))
          expect(planned.item[attribute.name], `${entity.name}.${attribute.name}`).toBeDefined();
        for (const [keyName, source] of Object.entries(entity.keys)) {
          const text = Object.values(planned.item[keyName]!)[0] as string;
          expect(matchTemplate(parseTemplate(source), text), `${entity.name}.${keyName} = ${text}`).toBeDefined();
        }
      }
      expect(count).toBe(plan.planned);
      expect(count).toBeGreaterThan(100);
    },
  );

  it('returns a copy from findTemplate, so changing it does not change the built-in', () => {
    const copy = findTemplate('cruddur-messaging')!;
    copy.model.tables[0]!.name = 'changed';
    expect(findTemplate('cruddur-messaging')!.model.tables[0]!.name).toBe('cruddur-messages');
    expect(findTemplate('no-such-template')).toBeUndefined();
  });
});

describe('cruddur-messaging', () => {
  const table = findTemplate('cruddur-messaging')!.model.tables[0]!;
  const entity = (name: string) => table.entities.find((e) => e.name === name)!;
  const pattern = (name: string) => table.accessPatterns.find((p) => p.name === name)!;

  it('is the Cruddur table: pk/sk strings, the message-group-sk-index GSI with ALL, on-demand', () => {
    expect(table.name).toBe('cruddur-messages');
    expect([table.partitionKey, table.sortKey]).toEqual([
      { name: 'pk', type: 'S' },
      { name: 'sk', type: 'S' },
    ]);
    expect(table.billing).toEqual({ mode: 'on-demand' });
    expect(table.globalSecondaryIndexes).toEqual([
      {
        name: 'message-group-sk-index',
        partitionKey: { name: 'message_group_uuid', type: 'S' },
        sortKey: { name: 'sk', type: 'S' },
        projection: { type: 'ALL' },
      },
    ]);
  });

  it('keys groups by user and messages by group, both in the GSI, each sort key made unique by a uuid suffix', () => {
    expect(entity('MessageGroup').keys).toEqual({
      pk: 'GRP#{user_uuid}',
      sk: '{last_message_at}#{message_group_uuid}',
      message_group_uuid: '{message_group_uuid}',
    });
    expect(entity('Message').keys).toEqual({
      pk: 'MSG#{message_group_uuid}',
      sk: '{created_at}#{message_uuid}',
      message_group_uuid: '{message_group_uuid}',
    });
    expect(entity('Message').attributes.find((a) => a.name === 'message_group_uuid')!.generator).toEqual({
      kind: 'ref',
      entity: 'Conversation',
      attribute: 'message_group_uuid',
    });
    expect(entity('MessageGroup').seed).toEqual({ parent: 'Conversation', perMember: 'participants' });
    expect(table.seedEntities!.map((e) => e.name)).toEqual(['User', 'Conversation']);
  });

  it('has the five named access patterns', () => {
    expect(table.accessPatterns.map((p) => p.name)).toEqual([
      'list-message-groups',
      'list-messages',
      'create-message',
      'find-group-rows',
      'update-message-group',
    ]);
    expect(pattern('list-messages')).toMatchObject({
      kind: 'query',
      order: 'desc',
      limit: 20,
      parameters: [{ name: 'message_group_uuid' }],
    });
    expect(pattern('list-message-groups')).toMatchObject({
      kind: 'query',
      order: 'desc',
      limit: 20,
      parameters: [{ name: 'user_uuid' }],
    });
    expect(pattern('find-group-rows')).toMatchObject({
      index: 'message-group-sk-index',
      keyCondition: { partition: { attribute: 'message_group_uuid' } },
    });
  });

  it('moves a group row to its new sort key (delete + put), since the key cannot change in place', () => {
    const update = pattern('update-message-group');
    expect(update.kind).toBe('update');
    expect(update.moveFrom).toEqual({ last_message_at: 'previous_last_message_at' });
    expect(update.set).toBeUndefined();
  });
});
