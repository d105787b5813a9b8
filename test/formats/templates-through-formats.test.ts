import { describe, expect, it } from 'vitest';
import {
  exportCloudFormation,
  importCloudFormation,
  parseCloudFormationText,
} from '../../shared/formats/cloudformation/index.js';
import { createTableDocuments } from '../../shared/formats/create-table.js';
import { exportWorkbench } from '../../shared/formats/workbench/export-workbench.js';
import { importWorkbench } from '../../shared/formats/workbench/import-workbench.js';
import type { Table } from '../../shared/model/schema.js';
import { TEMPLATES } from '../../shared/templates/index.js';
import { modelChecks } from './model-checks.js';

/**
 * The built-in models (engineer D's templates) through every format that can carry their tables. A GSI's
 * throughput equal to the table's is the model's default (no `throughput`), so it is compared by its effect.
 */
function effectiveGsis(table: Table): Table['globalSecondaryIndexes'] {
  const billing = table.billing;
  return table.globalSecondaryIndexes?.map(({ throughput, ...gsi }) => {
    if (billing.mode !== 'provisioned') return gsi;
    return { ...gsi, throughput: throughput ?? { read: billing.read, write: billing.write } };
  });
}
const tableSettings = ({
  entities: _e,
  seedEntities: _s,
  accessPatterns: _p,
  description: _d,
  ...rest
}: Table): unknown => ({
  ...rest,
  globalSecondaryIndexes: effectiveGsis(rest as Table),
});
/** Workbench 3.0 has no slot for a GSI's own throughput: indexes are compared without it. */
const workbenchGsis = (table: Table): unknown => table.globalSecondaryIndexes?.map(({ throughput: _t, ...gsi }) => gsi);

describe.each(TEMPLATES.map((t) => [t.name, t.model] as const))('template %s', (_name, model) => {
  it('→ Workbench 3.0 → model: tables, table-key templates and sample items survive, and it validates', () => {
    const { model: back } = importWorkbench(JSON.parse(JSON.stringify(exportWorkbench(model))));
    expect(modelChecks(back).filter((d) => d.severity === 'error')).toEqual([]);
    back.tables.forEach((table, i) => {
      const original = model.tables[i]!;
      expect([table.name, table.partitionKey, table.sortKey, table.billing, workbenchGsis(table)]).toEqual([
        original.name,
        original.partitionKey,
        original.sortKey,
        original.billing,
        workbenchGsis(original),
      ]);
      original.entities.forEach((entity, j) => {
        const imported = table.entities[j]!;
        expect(imported.name).toBe(entity.name);
        expect(imported.sampleItems ?? []).toEqual(entity.sampleItems ?? []);
        // Workbench keeps a label per table key; a composite template comes back when the samples prove it.
        for (const key of [original.partitionKey.name, original.sortKey?.name].filter((k): k is string => !!k)) {
          if ((entity.sampleItems ?? []).length > 0) expect(imported.keys[key]).toBe(entity.keys[key]);
        }
      });
    });
  });

  it('→ CloudFormation YAML → model keeps every table setting', () => {
    const { model: back } = importCloudFormation(parseCloudFormationText(exportCloudFormation(model, 'yaml')));
    expect(back.tables.map(tableSettings)).toEqual(model.tables.map(tableSettings));
  });

  it('→ CreateTable JSON names exactly the key attributes', () => {
    for (const table of model.tables) {
      const { createTable } = createTableDocuments(model, table.name);
      const defined = (createTable.AttributeDefinitions as { AttributeName: string }[])
        .map((d) => d.AttributeName)
        .sort();
      const keys = new Set([
        table.partitionKey.name,
        table.sortKey?.name,
        ...(table.globalSecondaryIndexes ?? []).flatMap((g) => [g.partitionKey.name, g.sortKey?.name]),
        ...(table.localSecondaryIndexes ?? []).map((l) => l.sortKey.name),
      ]);
      keys.delete(undefined);
      expect(defined).toEqual([...keys].sort());
    }
  });
});
