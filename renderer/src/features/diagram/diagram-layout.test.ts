import { describe, expect, it } from 'vitest';
import { cruddurMessaging } from '../../../../shared/templates/cruddur-messaging.js';
import type { Model } from '../../../../shared/model/schema.js';
import { entityNodeId, indexNodeId, layoutDiagram, nodeLabel, tableNodeId } from './diagram-layout.js';

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layoutDiagram', () => {
  it('draws the Cruddur table with its entities, their key templates, the GSI and the ref edge', () => {
    const layout = layoutDiagram(cruddurMessaging);
    const ids = layout.nodes.map((n) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        tableNodeId('cruddur-messages'),
        entityNodeId('cruddur-messages', 'MessageGroup'),
        entityNodeId('cruddur-messages', 'Message'),
        indexNodeId('cruddur-messages', 'message-group-sk-index'),
      ]),
    );
    const message = layout.nodes.find((n) => n.id === entityNodeId('cruddur-messages', 'Message'))!;
    expect(message.parentId).toBe(tableNodeId('cruddur-messages'));
    expect(message.data.kind === 'entity' && message.data.keys).toEqual([
      { index: 'table', indexKind: 'table', role: 'PK', attribute: 'pk', template: 'MSG#{message_group_uuid}' },
      { index: 'table', indexKind: 'table', role: 'SK', attribute: 'sk', template: '{created_at}' },
      {
        index: 'message-group-sk-index',
        indexKind: 'gsi',
        role: 'PK',
        attribute: 'message_group_uuid',
        template: '{message_group_uuid}',
      },
      { index: 'message-group-sk-index', indexKind: 'gsi', role: 'SK', attribute: 'sk', template: '{created_at}' },
    ]);
    expect(message.path).toBe('$.tables[0].entities[1]');
    expect(layout.edges).toEqual([
      expect.objectContaining({
        source: entityNodeId('cruddur-messages', 'MessageGroup'),
        target: entityNodeId('cruddur-messages', 'Message'),
        label: 'message_group_uuid → MessageGroup.message_group_uuid',
      }),
    ]);
    const gsi = layout.nodes.find((n) => n.data.kind === 'index')!;
    expect(nodeLabel(gsi.data)).toBe('GSI message-group-sk-index');
    expect(gsi.data.kind === 'index' && gsi.data.members).toEqual(['MessageGroup', 'Message']);
  });

  it('puts the parent above the child, and nothing overlaps inside a table', () => {
    const layout = layoutDiagram(cruddurMessaging);
    const group = layout.nodes.find((n) => n.id === entityNodeId('cruddur-messages', 'MessageGroup'))!;
    const message = layout.nodes.find((n) => n.id === entityNodeId('cruddur-messages', 'Message'))!;
    expect(group.y + group.height).toBeLessThanOrEqual(message.y);
    const children = layout.nodes.filter((n) => n.parentId);
    for (const a of children) for (const b of children) if (a !== b) expect(overlaps(a, b)).toBe(false);
    const table = layout.nodes.find((n) => n.data.kind === 'table')!;
    for (const child of children) {
      expect(child.x + child.width).toBeLessThanOrEqual(table.width);
      expect(child.y + child.height).toBeLessThanOrEqual(table.height);
    }
  });

  it('marks an entity without a template for an index key as absent from that sparse index', () => {
    const model: Model = structuredClone(cruddurMessaging);
    delete model.tables[0]!.entities[1]!.keys['message_group_uuid'];
    const layout = layoutDiagram(model);
    const message = layout.nodes.find((n) => n.id === entityNodeId('cruddur-messages', 'Message'))!;
    expect(message.data.kind === 'entity' && message.data.absentFrom).toEqual(['message-group-sk-index']);
    const gsi = layout.nodes.find((n) => n.data.kind === 'index')!;
    expect(gsi.data.kind === 'index' && gsi.data.members).toEqual(['MessageGroup']);
  });

  it('packs many unrelated entities into a grid rather than one row, and places tables side by side', () => {
    const base = cruddurMessaging.tables[0]!;
    const entities = Array.from({ length: 50 }, (_, i) => ({
      name: `E${i}`,
      keys: { pk: `E${i}#{id}`, sk: 'X' },
      attributes: [{ name: 'id', type: 'S' as const }],
    }));
    const model: Model = {
      ...cruddurMessaging,
      tables: [
        { ...base, entities, accessPatterns: [] },
        { ...base, name: 'second' },
      ],
    };
    const layout = layoutDiagram(model);
    const first = layout.nodes.find((n) => n.id === tableNodeId(base.name))!;
    const second = layout.nodes.find((n) => n.id === tableNodeId('second'))!;
    expect(first.width).toBeLessThan(first.height * 3);
    expect(second.x).toBeGreaterThan(first.x + first.width);
    const children = layout.nodes.filter((n) => n.parentId === first.id);
    for (const a of children) for (const b of children) if (a !== b) expect(overlaps(a, b)).toBe(false);
  });
});
