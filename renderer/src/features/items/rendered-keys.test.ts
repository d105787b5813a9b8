import { describe, expect, it } from 'vitest';
import type { Model } from '../../../../shared/model/schema.js';
import { previewPattern } from '../../../../shared/preview/index.js';
import { cruddurMessaging } from '../../../../shared/templates/cruddur-messaging.js';
import { renderedModel } from './rendered-keys.js';

function withMessageSortKey(template: string): Model {
  const model: Model = structuredClone(cruddurMessaging);
  model.tables[0]!.entities[1]!.keys['sk'] = template;
  return model;
}

describe('renderedModel', () => {
  it('leaves a model whose sample keys agree with the templates as it is', () => {
    const { model, stale } = renderedModel(cruddurMessaging);
    expect(model).toBe(cruddurMessaging);
    expect(stale).toEqual([]);
  });

  it('re-keys the items of an edited template, so the preview follows the template', () => {
    const edited = withMessageSortKey('MSG#{created_at}#{message_uuid}');
    const { model, stale } = renderedModel(edited);
    expect(stale).toEqual([{ table: 0, entity: 1, name: 'Message', items: 3 }]);
    expect(model.tables[0]!.entities[0]).toBe(edited.tables[0]!.entities[0]);
    const preview = previewPattern(model, 'list-messages');
    expect(preview.items.map((i) => i['sk'])).toEqual([
      { S: 'MSG#2026-10-14T09:42:17.000Z#a8c3d5e7-2f4b-4a6c-9e8d-7b1a3c5e9f05' },
      { S: 'MSG#2026-10-14T09:35:48.000Z#6f2e9c4d-1b7a-4c3e-8d2f-5a9b0c1d2e03' },
      { S: 'MSG#2026-10-14T09:30:02.000Z#0d6b1a3e-8f3c-4e4a-9a57-3b1f2c9d8e01' },
    ]);
    // the stored items are untouched
    expect(edited.tables[0]!.entities[1]!.sampleItems![0]!['sk']).toEqual({ S: '2026-10-14T09:30:02.000Z' });
  });

  it('keeps a stored key whose template needs an attribute the item lacks', () => {
    const { model, stale } = renderedModel(withMessageSortKey('{missing_attribute}'));
    expect(stale).toEqual([]);
    expect(model.tables[0]!.entities[1]!.sampleItems![0]!['sk']).toEqual({ S: '2026-10-14T09:30:02.000Z' });
  });

  it('renders the same objects again for the same model and entity', () => {
    const edited = withMessageSortKey('M#{created_at}');
    expect(renderedModel(edited)).toBe(renderedModel(edited));
    const next = { ...edited, name: 'renamed' };
    expect(renderedModel(next).model.tables[0]!.entities[1]).toBe(renderedModel(edited).model.tables[0]!.entities[1]);
  });
});
