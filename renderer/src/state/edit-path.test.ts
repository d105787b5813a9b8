import { beforeEach, describe, expect, it } from 'vitest';
import { findTemplate } from '../../../shared/templates/index.js';
import { appendAt, editAt, getAt, moveAt, removeAt } from './edit-path.js';
import { getDocument, openModel, undo } from './model-store.js';
import { focusPath, getSelection, targetForPath } from './selection.js';
import { getScreen, registerPathOwner } from './navigation.js';

beforeEach(() => openModel(findTemplate('cruddur-messaging')!.model, 'cruddur.monotable.json'));

describe('edits by JSON path', () => {
  it('sets, removes optional fields and creates missing objects, each one undo step', () => {
    editAt('Set TTL', '$.tables[0].ttlAttribute', 'expires_at');
    expect(getDocument().model.tables[0]!.ttlAttribute).toBe('expires_at');
    editAt('Clear TTL', '$.tables[0].ttlAttribute', undefined);
    expect('ttlAttribute' in getDocument().model.tables[0]!).toBe(false);
    editAt('Tag', '$.tables[0].tags["cost-center"]', '42');
    expect(getAt(getDocument().model, '$.tables[0].tags["cost-center"]')).toBe('42');
    undo();
    expect(getDocument().model.tables[0]!.tags).toBeUndefined();
  });

  it('appends, moves and removes array elements', () => {
    const at = appendAt('Add filter', '$.tables[0].accessPatterns[0].filter', { attribute: 'message', operator: '=' });
    expect(at).toBe(0);
    const attributes = () => getDocument().model.tables[0]!.entities[1]!.attributes.map((a) => a.name);
    expect(attributes().slice(0, 2)).toEqual(['message_group_uuid', 'message_uuid']);
    moveAt('Move up', '$.tables[0].entities[1].attributes[1]', -1);
    expect(attributes().slice(0, 2)).toEqual(['message_uuid', 'message_group_uuid']);
    removeAt('Remove', '$.tables[0].entities[1].attributes[0]');
    expect(attributes()[0]).toBe('message_group_uuid');
    expect(attributes()).toHaveLength(6);
  });
});

describe('selection from a JSON path', () => {
  it('finds the deepest object a diagnostic path points into', () => {
    const model = getDocument().model;
    expect(targetForPath(model, '$.tables[0].entities[1].keys.sk')).toEqual({
      kind: 'entity',
      table: 'cruddur-messages',
      name: 'Message',
      path: '$.tables[0].entities[1]',
    });
    expect(targetForPath(model, '$.tables[0].entities[0].attributes[2].generator.method')).toMatchObject({
      kind: 'attribute',
      entity: 'MessageGroup',
      name: 'other_user_uuid',
    });
    expect(targetForPath(model, '$.tables[0].globalSecondaryIndexes[0].projection')).toMatchObject({
      kind: 'index',
      name: 'message-group-sk-index',
    });
    expect(targetForPath(model, '$.tables[0].accessPatterns[3].filter[0]')).toMatchObject({
      kind: 'pattern',
      name: 'find-group-rows',
    });
    expect(targetForPath(model, '$.tables[0].seedEntities[1].attributes[1].generator')).toMatchObject({
      kind: 'attribute',
      entity: 'Conversation',
      name: 'participants',
    });
    expect(targetForPath(model, '$.tables[0].pointInTimeRecovery')).toMatchObject({ kind: 'table' });
    expect(targetForPath(model, '$.name')).toBeUndefined();
    expect(targetForPath(model, '$.tables[7]')).toBeUndefined();
  });

  it('focusPath selects, shows the owning screen and leaves a focus request', () => {
    registerPathOwner('items', (path) => path.includes('.sampleItems'));
    focusPath('$.tables[0].entities[1].keys.pk');
    expect(getScreen()).toBe('model');
    expect(getSelection()).toMatchObject({ kind: 'entity', name: 'Message' });
    focusPath('$.tables[0].entities[1].sampleItems[2].sk');
    expect(getScreen()).toBe('items');
  });
});
