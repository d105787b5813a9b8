import type { AttributeValue } from '../../../../shared/model/attribute-value.js';
import type { Entity, Generator, Table } from '../../../../shared/model/schema.js';

export interface ExampleValue {
  value: string;
  /** Where the value comes from, for the tooltip: `sample item 1`, `generator`. */
  source: string;
}

/**
 * Example values of an entity's attributes, to render its key templates as you type: the first sample item's
 * values, else what the generator would produce first where that is known without running Faker (constant,
 * sequence, date range, one-of, a reference to another entity's example).
 */
export function exampleValues(
  table: Table,
  entity: Entity,
  seen: ReadonlySet<string> = new Set(),
): Map<string, ExampleValue> {
  const out = new Map<string, ExampleValue>();
  const sample = entity.sampleItems?.[0];
  if (sample) {
    for (const [name, value] of Object.entries(sample)) {
      const text = scalarText(value);
      if (text !== undefined) out.set(name, { value: text, source: 'sample item 0' });
    }
  }
  for (const attribute of entity.attributes) {
    if (out.has(attribute.name) || !attribute.generator) continue;
    const text = generatorExample(table, attribute.generator, new Set([...seen, entity.name]));
    if (text !== undefined) out.set(attribute.name, { value: text, source: `generator (${attribute.generator.kind})` });
  }
  return out;
}

function scalarText(value: AttributeValue): string | undefined {
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  if ('BOOL' in value) return String(value.BOOL);
  return undefined;
}

function generatorExample(table: Table, generator: Generator, seen: ReadonlySet<string>): string | undefined {
  switch (generator.kind) {
    case 'constant':
      return typeof generator.value === 'object' ? undefined : String(generator.value);
    case 'one-of': {
      const first = generator.values[0];
      return typeof first === 'object' ? undefined : String(first);
    }
    case 'sequence': {
      const n = String(generator.start ?? 1);
      return `${generator.prefix ?? ''}${generator.pad ? n.padStart(generator.pad, '0') : n}`;
    }
    case 'date-range': {
      const ms = Date.parse(generator.from);
      if (Number.isNaN(ms)) return generator.from;
      if (generator.format === 'epoch-seconds') return String(Math.floor(ms / 1000));
      if (generator.format === 'epoch-millis') return String(ms);
      return new Date(ms).toISOString();
    }
    case 'ref': {
      if (seen.has(generator.entity)) return undefined;
      const parent = table.entities.find((e) => e.name === generator.entity);
      return parent ? exampleValues(table, parent, seen).get(generator.attribute)?.value : undefined;
    }
    default:
      return undefined;
  }
}
