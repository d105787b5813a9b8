import { describe, expect, it } from 'vitest';
import { validate } from '../../../../shared/rules/validate.js';
import { findTemplate } from '../../../../shared/templates/index.js';
import { editAt } from '../../state/edit-path.js';
import { getDocument, openModel, undo } from '../../state/model-store.js';
import { describePath } from '../problems/describe-path.js';
import { exampleValues } from './example-values.js';
import { renameEntity, renameKeyAttribute } from './model-edits.js';
import { renderedModel } from '../items/rendered-keys.js';
import { writeRenderedKeys } from '../items/stored-keys.js';
import { sampleKeyMismatches } from './sample-keys.js';
import { buildTree, nodeForSelection, treeOf } from './tree-nodes.js';
import { produce } from 'immer';

const cruddur = () => findTemplate('cruddur-messaging')!.model;

describe('Model screen helpers', () => {
  it('example values come from the first sample item, else from generators (refs followed to the parent)', () => {
    const table = cruddur().tables[0]!;
    const message = table.entities[1]!;
    expect(exampleValues(table, message).get('created_at')).toEqual({
      value: '2026-10-14T09:30:02.000Z',
      source: 'sample item 0',
    });
    const bare = { ...message, sampleItems: undefined };
    const group = { ...table.entities[0]!, sampleItems: undefined };
    const values = exampleValues({ ...table, entities: [group, bare] }, bare);
    expect(values.get('created_at')?.value).toBe('2026-01-01T00:00:00.000Z');
    expect(values.get('message_uuid')).toBeUndefined(); // a Faker value is not invented
    // A ref is followed to its parent's example (here a parent with sample items).
    const child = {
      ...bare,
      attributes: [
        {
          name: 'message_group_uuid',
          type: 'S' as const,
          generator: { kind: 'ref' as const, entity: 'MessageGroup', attribute: 'message_group_uuid' },
        },
      ],
    };
    expect(exampleValues(table, child).get('message_group_uuid')?.value).toBe('5ae290ed-55d1-47a0-bc6d-fe2bc2700399');
  });

  it('finds the sample keys a template change broke and rewrites them in one undoable edit', () => {
    openModel(cruddur());
    const path = '$.tables[0].entities[1]';
    editAt('Edit sk', `${path}.keys.sk`, 'MSG#{created_at}#{message_uuid}');
    const broken = sampleKeyMismatches(validate(getDocument().model), path, 'sk');
    expect(broken).toEqual([0, 1, 2]);
    expect(writeRenderedKeys([{ table: 0, entity: 1 }], 'sk')).toBe(3);
    const item = getDocument().model.tables[0]!.entities[1]!.sampleItems![0]!;
    expect(item.sk).toEqual({ S: 'MSG#2026-10-14T09:30:02.000Z#0d6b1a3e-8f3c-4e4a-9a57-3b1f2c9d8e01' });
    expect(sampleKeyMismatches(validate(getDocument().model), path, 'sk')).toEqual([]);
    undo();
    expect(getDocument().model.tables[0]!.entities[1]!.sampleItems![0]!.sk).toEqual({
      S: '2026-10-14T09:30:02.000Z#0d6b1a3e-8f3c-4e4a-9a57-3b1f2c9d8e01',
    });
  });

  it('one sample-key rewrite: limited to one key (Model screen) or every stale key (Items screen), one undo step each', () => {
    openModel(cruddur());
    const path = '$.tables[0].entities[1]';
    editAt('Edit pk', `${path}.keys.pk`, 'MESSAGE#{message_group_uuid}');
    editAt('Edit sk', `${path}.keys.sk`, 'MSG#{created_at}#{message_uuid}');
    const stored = () => getDocument().model.tables[0]!.entities[1]!.sampleItems![0]!;
    expect(renderedModel(getDocument().model).stale).toEqual([{ table: 0, entity: 1, name: 'Message', items: 3 }]);
    expect(writeRenderedKeys([{ table: 0, entity: 1 }], 'sk')).toBe(3);
    expect(stored().sk).toEqual({ S: 'MSG#2026-10-14T09:30:02.000Z#0d6b1a3e-8f3c-4e4a-9a57-3b1f2c9d8e01' });
    expect(stored().pk).toEqual({ S: 'MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399' });
    expect(writeRenderedKeys(renderedModel(getDocument().model).stale)).toBe(3);
    expect(stored().pk).toEqual({ S: 'MESSAGE#5ae290ed-55d1-47a0-bc6d-fe2bc2700399' });
    expect(renderedModel(getDocument().model).stale).toEqual([]);
    expect(validate(getDocument().model).filter((d) => d.code === 'sample-key-mismatch')).toEqual([]);
    undo();
    expect(stored().pk).toEqual({ S: 'MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399' });
    expect(stored().sk).toEqual({ S: 'MSG#2026-10-14T09:30:02.000Z#0d6b1a3e-8f3c-4e4a-9a57-3b1f2c9d8e01' });
  });

  it('renaming an entity renames its patterns and ref generators; renaming a key moves the templates', () => {
    openModel(cruddur());
    renameEntity('$.tables[0].entities[0]', 'Conversation');
    const table = getDocument().model.tables[0]!;
    expect(table.accessPatterns.filter((p) => p.entity === 'Conversation').map((p) => p.name)).toEqual([
      'list-message-groups',
      'find-group-rows',
      'update-message-group',
    ]);
    expect(table.entities[1]!.attributes[0]!.generator).toEqual({
      kind: 'ref',
      entity: 'Conversation',
      attribute: 'message_group_uuid',
    });
    renameKeyAttribute('$.tables[0].partitionKey.name', 'PK');
    expect(Object.entries(getDocument().model.tables[0]!.entities[1]!.keys)).toEqual([
      ['PK', 'MSG#{message_group_uuid}'],
      ['sk', '{created_at}#{message_uuid}'],
      ['message_group_uuid', '{message_group_uuid}'],
    ]);
    // sk is shared with the GSI: renaming the table's sort key keeps the templates under sk for the index.
    renameKeyAttribute('$.tables[0].sortKey.name', 'SK');
    expect(getDocument().model.tables[0]!.entities[1]!.keys.sk).toBe('{created_at}#{message_uuid}');
  });

  it('the tree lists tables, groups, indexes, entities, attributes and patterns, found again by selection', () => {
    const nodes = buildTree(cruddur());
    expect(nodes.slice(0, 5).map((n) => [n.kind, n.label, n.level])).toEqual([
      ['model', 'cruddur-messaging', 1],
      ['table', 'cruddur-messages', 2],
      ['group', 'Indexes', 3],
      ['index', 'message-group-sk-index', 4],
      ['group', 'Entities', 3],
    ]);
    // 15 attributes of the two entities, 7 of the seed-only User and Conversation.
    expect(nodes.filter((n) => n.kind === 'attribute')).toHaveLength(22);
    expect(nodes.find((n) => n.label === 'Conversation')).toMatchObject({ kind: 'entity', detail: 'seed-only' });
    const found = nodeForSelection(nodes, { kind: 'pattern', table: 'cruddur-messages', name: 'list-messages' });
    expect(found?.id).toBe('$.tables[0].accessPatterns[1]');
  });

  it('reuses the tree when an edit changes nothing it shows, and rebuilds it when a name, type or count changes', () => {
    const model = cruddur();
    const nodes = treeOf(model);
    const templateEdit = produce(model, (m) => {
      m.tables[0]!.entities[1]!.keys.sk = '{created_at}#x';
    });
    expect(treeOf(templateEdit)).toBe(nodes);
    const renamed = produce(templateEdit, (m) => {
      m.tables[0]!.entities[1]!.attributes[0]!.name = 'renamed';
    });
    expect(treeOf(renamed)).not.toBe(nodes);
    expect(treeOf(renamed)).toEqual(buildTree(renamed));
    const retyped = produce(renamed, (m) => {
      m.tables[0]!.entities[1]!.attributes[0]!.type = 'N';
    });
    expect(treeOf(retyped).find((n) => n.label === 'renamed')?.detail).toBe('N');
    const morePatterns = produce(retyped, (m) => {
      m.tables[0]!.accessPatterns.push({ ...m.tables[0]!.accessPatterns[0]!, name: 'another' });
    });
    expect(treeOf(morePatterns).find((n) => n.label === 'another')?.kind).toBe('pattern');
    const seedRenamed = produce(morePatterns, (m) => {
      m.tables[0]!.seedEntities![0]!.name = 'Seedling';
    });
    expect(treeOf(seedRenamed).find((n) => n.label === 'Seedling')?.detail).toBe('seed-only');
  });

  it('describes a diagnostic path in words', () => {
    const model = cruddur();
    expect(describePath(model, '$.tables[0].entities[1].keys.sk')).toBe('cruddur-messages › Message › keys.sk');
    expect(describePath(model, '$.tables[0].entities[0].attributes[1].generator')).toBe(
      'cruddur-messages › MessageGroup › user_uuid › generator',
    );
    expect(describePath(model, '$')).toBe('model');
  });
});
