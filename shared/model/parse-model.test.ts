import { describe, expect, it } from 'vitest';
import { MonotableError } from '../errors/monotable-error.js';
import { parseModel } from './parse-model.js';
import { parseUntrustedJson } from './safe-json.js';
import { serializeModel } from './serialize-model.js';
import type { Model } from './schema.js';

/** Deliberately tiny (not a built-in template): tests cut and patch its exact JSON text. */
const minimal: Model = {
  format: 'monotable/1',
  name: 'demo',
  tables: [
    {
      name: 'demo-table',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      billing: { mode: 'on-demand' },
      entities: [
        {
          name: 'User',
          keys: { sk: 'PROFILE', pk: 'USER#{user_id}' },
          attributes: [{ name: 'user_id', type: 'S' }],
          sampleItems: [{ user_id: { S: 'u1' }, sk: { S: 'PROFILE' }, pk: { S: 'USER#u1' } }],
        },
      ],
      accessPatterns: [],
    },
  ],
};

function errorOf(fn: () => unknown): MonotableError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MonotableError) return error;
    throw error;
  }
  throw new Error('expected a MonotableError');
}

describe('parseModel', () => {
  it('accepts a valid model and tolerates a BOM', () => {
    expect(parseModel(`\uFEFF${JSON.stringify(minimal)}`).name).toBe('demo');
  });

  it('reports truncated JSON with line and column', () => {
    const text = JSON.stringify(minimal, null, 2).slice(0, 120);
    const error = errorOf(() => parseModel(text, 'demo.monotable.json'));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.details.file).toBe('demo.monotable.json');
    expect(error.message).toMatch(/line \d+, column \d+/);
  });

  it('rejects unknown fields with their JSON path', () => {
    const bad = structuredClone(minimal) as unknown as { tables: Record<string, unknown>[] };
    bad.tables[0]!.colour = 'blue';
    const error = errorOf(() => parseModel(JSON.stringify(bad)));
    expect(error.code).toBe('SCHEMA_ERROR');
    expect(error.details.path).toBe('$.tables[0]');
    expect(error.message).toContain('"colour"');
  });

  it('rejects wrong types with their JSON path', () => {
    const bad = structuredClone(minimal) as unknown as { tables: { partitionKey: { type: string } }[] };
    bad.tables[0]!.partitionKey.type = 'BOOL';
    expect(errorOf(() => parseModel(JSON.stringify(bad))).details.path).toBe('$.tables[0].partitionKey.type');
  });

  it('refuses __proto__ and constructor keys at any depth without polluting Object.prototype', () => {
    const text = JSON.stringify(minimal).replace('"name":"demo"', '"name":"demo","__proto__":{"polluted":"yes"}');
    const error = errorOf(() => parseModel(text));
    expect(error.code).toBe('FORBIDDEN_KEY');
    expect(error.details.path).toBe('$.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deep = JSON.stringify(minimal).replace(
      '"user_id":{"S":"u1"}',
      '"user_id":{"S":"u1"},"x":{"M":{"constructor":{"S":"1"}}}',
    );
    expect(errorOf(() => parseModel(deep)).details.path).toBe('$.tables[0].entities[0].sampleItems[0].x.M.constructor');
  });

  it('refuses 10,000-deep nesting with a clear error instead of a stack overflow', () => {
    const text = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(errorOf(() => parseUntrustedJson(text)).code).toBe('NESTING_TOO_DEEP');
  });

  it('refuses a future format version with an upgrade hint', () => {
    const error = errorOf(() => parseModel(JSON.stringify({ ...minimal, format: 'monotable/2' })));
    expect(error.code).toBe('FUTURE_FORMAT');
    expect(error.details.hint).toMatch(/Upgrade/);
  });

  it('refuses an oversized text before parsing', () => {
    expect(errorOf(() => parseUntrustedJson(' '.repeat(21 * 1024 * 1024))).code).toBe('FILE_TOO_LARGE');
  });
});

describe('serializeModel', () => {
  it('writes keys in table-key order, 2-space indent and a trailing newline', () => {
    const text = serializeModel(minimal);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "format": "monotable/1"');
    expect(text.indexOf('"pk": "USER#{user_id}"')).toBeLessThan(text.indexOf('"sk": "PROFILE"'));
    const item = text.slice(text.indexOf('"sampleItems"'));
    expect(item.indexOf('"pk"')).toBeLessThan(item.indexOf('"sk"'));
    expect(item.indexOf('"sk"')).toBeLessThan(item.indexOf('"user_id"'));
  });

  it('is deterministic: the same model in any field order gives the same bytes', () => {
    const shuffled = JSON.parse(JSON.stringify(minimal), (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    ) as Model;
    expect(serializeModel(shuffled)).toBe(serializeModel(minimal));
    expect(serializeModel(parseModel(serializeModel(minimal)))).toBe(serializeModel(minimal));
  });
});
