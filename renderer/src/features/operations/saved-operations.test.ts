import { describe, expect, it } from 'vitest';
import {
  operationsFolder,
  parseSavedOperation,
  type SavedOperation,
  savedNameProblem,
  savedOperationPath,
  serializeSavedOperation,
} from './saved-operations.js';

describe('saved operations as files beside the model', () => {
  it('lives in <model>.operations/<name>.json next to the model file', () => {
    expect(operationsFolder('/w/models/cruddur.monotable.json')).toBe('/w/models/cruddur.operations');
    expect(operationsFolder('/w/shop.yaml')).toBe('/w/shop.operations');
    expect(savedOperationPath('/w/models/cruddur.monotable.json', 'latest messages')).toBe(
      '/w/models/cruddur.operations/latest messages.json',
    );
    expect(savedOperationPath('C:\\m\\c.monotable.json', 'a')).toBe('C:\\m\\c.operations\\a.json');
  });

  it('writes keys in a fixed order and reads the file back to the same operation', () => {
    const operation: SavedOperation = {
      consistentRead: true,
      limit: 20,
      filters: [{ attribute: 'likes', operator: '>', value: '12345678901234567890123456789012345678' }],
      sort: { operator: 'begins_with', value: '2026-' },
      partition: 'MSG#g1',
      table: 'cruddur-messages',
      kind: 'query',
      format: 'monotable-operation/1',
      descending: true,
    };
    const text = serializeSavedOperation(operation);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'format',
      'kind',
      'table',
      'partition',
      'sort',
      'descending',
      'filters',
      'limit',
      'consistentRead',
    ]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseSavedOperation(text)).toEqual(operation);
  });

  it('refuses files that are not saved operations, and unsafe names', () => {
    expect(() => parseSavedOperation('{')).toThrow(/not JSON/);
    expect(() => parseSavedOperation('{"format":"monotable-operation/1","kind":"put","table":"t"}')).toThrow(/kind/);
    expect(() =>
      parseSavedOperation('{"format":"monotable-operation/1","kind":"scan","table":"t","extra":1}'),
    ).toThrow();
    expect(savedNameProblem('latest messages')).toBeUndefined();
    for (const bad of ['', '../x', 'a/b', '.hidden', 'x.', 'a\\b']) expect(savedNameProblem(bad)).toBeDefined();
  });
});
