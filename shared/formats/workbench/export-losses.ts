import type { Model, Table } from '../../model/schema.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { tryParseTemplate } from '../../keys/template.js';

/**
 * What a Workbench 3.0 export cannot carry, so a caller can say so next to the file it writes: the format has no
 * slot for LSIs, TTL, streams, encryption, table class, deletion protection, PITR, tags, a GSI's own throughput,
 * access patterns, generators, or key templates of index keys.
 */
function tableLosses(table: Table, i: number): Diagnostic[] {
  const path = `$.tables[${i}]`;
  const settings: [boolean, string][] = [
    [(table.localSecondaryIndexes?.length ?? 0) > 0, 'local secondary indexes'],
    [table.ttlAttribute !== undefined, 'TTL'],
    [table.stream !== undefined, 'the stream'],
    [table.encryption !== undefined, 'encryption'],
    [table.tableClass !== undefined, 'the table class'],
    [table.deletionProtection !== undefined, 'deletion protection'],
    [table.pointInTimeRecovery !== undefined, 'point-in-time recovery'],
    [Object.keys(table.tags ?? {}).length > 0, 'tags'],
    [(table.globalSecondaryIndexes ?? []).some((g) => g.throughput !== undefined), 'GSI-specific throughput'],
  ];
  const lost = settings.filter(([present]) => present).map(([, what]) => what);
  const out: Diagnostic[] = [];
  if (lost.length > 0) {
    out.push({
      code: 'workbench-export-settings',
      severity: 'warning',
      path,
      message: `Workbench files have no place for ${lost.join(', ')} of table "${table.name}"; they are not in the export.`,
      hint: 'Keep the Monotable model as the source, or export CloudFormation / CreateTable JSON for the full table.',
    });
  }
  const tableKeys = new Set([table.partitionKey.name, table.sortKey?.name]);
  const indexTemplates = table.entities.flatMap((e) =>
    Object.entries(e.keys)
      .filter(([key, template]) => !tableKeys.has(key) && !isNatural(key, template))
      .map(([key, template]) => `${e.name}.${key} = ${template}`),
  );
  const modelling: string[] = [];
  if (table.accessPatterns.length > 0) modelling.push(`${table.accessPatterns.length} access pattern(s)`);
  if (table.entities.some((e) => e.attributes.some((a) => a.generator))) modelling.push('attribute generators');
  if ((table.seedEntities ?? []).length > 0)
    modelling.push(`seed-only entities (${(table.seedEntities ?? []).map((e) => e.name).join(', ')})`);
  if (indexTemplates.length > 0)
    modelling.push(
      `index key templates (${indexTemplates.slice(0, 3).join('; ')}${indexTemplates.length > 3 ? '; …' : ''})`,
    );
  if (modelling.length > 0) {
    out.push({
      code: 'workbench-export-modelling',
      severity: 'info',
      path,
      message: `Not in the Workbench export of "${table.name}": ${modelling.join(', ')}.`,
    });
  }
  return out;
}

function isNatural(key: string, template: string): boolean {
  const parsed = tryParseTemplate(template);
  return (
    parsed !== undefined &&
    parsed.segments.length === 1 &&
    parsed.segments[0]!.kind === 'param' &&
    parsed.segments[0]!.name === key
  );
}

export function workbenchExportNotes(model: Model): Diagnostic[] {
  return model.tables.flatMap(tableLosses);
}
