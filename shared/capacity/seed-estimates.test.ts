import { describe, expect, it } from 'vitest';
import { findTemplate } from '../templates/index.js';
import { estimatedItemCount } from './entity-items.js';

describe('estimated item counts follow the seed vocabulary', () => {
  it('Cruddur: conversations per user (skewed mean), two group rows per conversation, 3-30 messages each', () => {
    const table = findTemplate('cruddur-messaging')!.model.tables[0]!;
    const entity = (name: string) => [...table.entities, ...(table.seedEntities ?? [])].find((e) => e.name === name)!;
    const conversations = estimatedItemCount(table, entity('Conversation'));
    expect(conversations).toBeGreaterThan(20); // 20 users, at least one each
    expect(conversations).toBeLessThan(20 * 6.5); // well below the uniform mean of 1-12
    expect(estimatedItemCount(table, entity('MessageGroup'))).toBeCloseTo(2 * conversations);
    expect(estimatedItemCount(table, entity('Message'))).toBeCloseTo(16.5 * conversations);
  });
});
