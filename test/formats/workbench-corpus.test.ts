import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUntrustedJson } from '../../shared/model/safe-json.js';
import { ModelSchema, type Model } from '../../shared/model/schema.js';
import { exportWorkbench } from '../../shared/formats/workbench/export-workbench.js';
import { importWorkbench, isWorkbenchFile } from '../../shared/formats/workbench/import-workbench.js';
import { WORKBENCH_CORPUS, workbenchCorpusFiles } from '../support/workbench-corpus.js';
import { modelChecks } from './model-checks.js';

/** What must survive export → import: tables, keys, indexes, projections, billing and the multiset of items. */
function essentials(model: Model): unknown {
  return model.tables.map((t) => ({
    name: t.name,
    partitionKey: t.partitionKey,
    sortKey: t.sortKey,
    billing: t.billing,
    globalSecondaryIndexes: t.globalSecondaryIndexes ?? [],
    items: t.entities
      .flatMap((e) => e.sampleItems ?? [])
      .map((item) => JSON.stringify(item, Object.keys(item).sort()))
      .sort(),
  }));
}

const files = workbenchCorpusFiles();

describe('NoSQL Workbench corpus: import → validate → export 3.0 → import again', () => {
  it('finds the corpus (at least one file per format version)', () => {
    expect(files.length).toBeGreaterThanOrEqual(11);
  });

  it.each(files.map((f) => [relative(WORKBENCH_CORPUS, f), f]))('%s', (_name, file) => {
    const raw = parseUntrustedJson(readFileSync(file, 'utf8'), file);
    expect(isWorkbenchFile(raw)).toBe(true);
    const first = importWorkbench(raw);
    ModelSchema.parse(first.model);
    const errors = modelChecks(first.model).filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);

    // Nothing of the source is lost: every table, index and sample item of the file is in the model.
    const source = raw as {
      DataModel: {
        TableName: string;
        GlobalSecondaryIndexes?: unknown[];
        TableData?: unknown[];
        TableFacets?: { TableData?: unknown[] }[];
      }[];
    };
    expect(first.model.tables.map((t) => t.name)).toEqual(source.DataModel.map((t) => t.TableName));
    source.DataModel.forEach((t, i) => {
      const items = first.model.tables[i]!.entities.flatMap((e) => e.sampleItems ?? []);
      const facetItems = (t.TableFacets ?? []).reduce((n, f) => n + (f.TableData?.length ?? 0), 0);
      expect(items.length).toBeGreaterThanOrEqual(Math.max(facetItems, t.TableData?.length ?? 0));
      expect(first.model.tables[i]!.globalSecondaryIndexes?.length ?? 0).toBe(t.GlobalSecondaryIndexes?.length ?? 0);
    });

    const exported = JSON.parse(JSON.stringify(exportWorkbench(first.model))) as unknown;
    expect((exported as { ModelMetadata: { Version: string } }).ModelMetadata.Version).toBe('3.0');
    const second = importWorkbench(exported);
    expect(modelChecks(second.model).filter((d) => d.severity === 'error')).toEqual([]);
    expect(essentials(second.model)).toEqual(essentials(first.model));
    expect(second.model.tables.map((t) => t.entities.map((e) => [e.name, e.keys]))).toEqual(
      first.model.tables.map((t) => t.entities.map((e) => [e.name, e.keys])),
    );
  });
});
