import { describe, expect, it } from 'vitest';
import { findTemplate } from '../../../shared/templates/index.js';
import { editModel, getDocument, markSaved, openModel, redo, undo } from './model-store.js';

function cruddur() {
  const template = findTemplate('cruddur-messaging');
  if (!template) throw new Error('no cruddur template');
  return template.model;
}

describe('model store', () => {
  it('edits immutably, shares untouched parts and undoes/redoes whole roots', () => {
    const model = cruddur();
    openModel(model, 'a.monotable.json');
    const before = getDocument().model;
    editModel('rename table', (draft) => {
      draft.tables[0]!.name = 'renamed';
    });
    const after = getDocument().model;
    expect(after).not.toBe(before);
    expect(after.tables[0]!.entities).toBe(before.tables[0]!.entities);
    expect(before.tables[0]!.name).toBe('cruddur-messages');
    expect(getDocument()).toMatchObject({ dirty: true, canUndo: true, canRedo: false, undoLabel: 'rename table' });
    undo();
    expect(getDocument().model).toBe(before);
    expect(getDocument().dirty).toBe(false);
    redo();
    expect(getDocument().model).toBe(after);
    expect(getDocument().canRedo).toBe(false);
  });

  it('merges a burst of keystrokes in one field into one undo step, but not edits of different fields', () => {
    openModel(cruddur());
    const start = getDocument().model;
    editModel('Edit name', (d) => void (d.name = 'a'), 1000);
    editModel('Edit name', (d) => void (d.name = 'ab'), 1200);
    editModel('Edit name', (d) => void (d.name = 'abc'), 1400);
    editModel('Edit description', (d) => void (d.description = 'x'), 1500);
    editModel('Edit name', (d) => void (d.name = 'abcd'), 5000);
    expect(getDocument().model.name).toBe('abcd');
    undo();
    expect(getDocument().model.name).toBe('abc');
    undo();
    expect(getDocument().model.description).toBe(start.description);
    expect(getDocument().model.name).toBe('abc');
    undo();
    expect(getDocument().model).toBe(start);
    expect(getDocument().canUndo).toBe(false);
  });

  it('a recipe that changes nothing records nothing; markSaved makes the current root clean', () => {
    openModel(cruddur(), undefined, { saved: false });
    expect(getDocument().dirty).toBe(true);
    editModel('noop', () => {});
    expect(getDocument().canUndo).toBe(false);
    markSaved('b.monotable.json');
    expect(getDocument()).toMatchObject({ dirty: false, path: 'b.monotable.json' });
  });
});
