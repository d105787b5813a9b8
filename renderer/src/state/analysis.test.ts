import { describe, expect, it } from 'vitest';
import type { Model } from '../../../shared/model/schema.js';
import { findTemplate } from '../../../shared/templates/index.js';
import { analyse, diagnosticsUnder, isUnder, PENDING_ANALYSIS, shownAnalysis } from './analysis.js';
import type { Diagnostic } from '../../../shared/model/diagnostic.js';
import { editModel, getDocument, openModel } from './model-store.js';

function template(id: string): Model {
  const found = findTemplate(id);
  if (!found) throw new Error(`no template ${id}`);
  return found.model;
}

/** A copy of the Cruddur model with a typo in a key template: one error the other file does not have. */
function brokenCruddur(): Model {
  const model = structuredClone(template('cruddur-messaging'));
  const entity = model.tables[0]!.entities[0]!;
  entity.keys = { ...entity.keys, pk: `${entity.keys.pk}{nope}` };
  return model;
}

describe('the analysis shown for the open model', () => {
  it('never shows the problems of the file open before: pending until the new file is analysed', () => {
    const first = brokenCruddur();
    openModel(first, 'first.monotable.json');
    expect(analyse(first).errors).toBeGreaterThan(0);
    const second = template('online-shop');
    openModel(second, 'second.monotable.json');
    // what a screen mounting now, or the status bar before the deferred render, is offered: the last analysis made
    expect(shownAnalysis(second, first)).toBe(PENDING_ANALYSIS);
    expect(PENDING_ANALYSIS.errors).toBe(0);
    expect(shownAnalysis(second, second)).toEqual(expect.objectContaining({ errors: analyse(second).errors }));
    expect(shownAnalysis(second, second).pending).toBeUndefined();
  });

  it('shows the earlier analysis of the same file while an edit is checked (typing stays responsive)', () => {
    const before = brokenCruddur();
    openModel(before, 'a.monotable.json');
    analyse(before);
    editModel('rename', (draft) => {
      draft.name = 'renamed';
    });
    const after = getDocument().model;
    expect(after).not.toBe(before);
    expect(shownAnalysis(after, before)).toBe(analyse(before));
  });
});

describe('diagnosticsUnder', () => {
  it('finds the diagnostics at or below a path, the same array for the same list and path', () => {
    const at = (path: string): Diagnostic => ({ code: 'x', severity: 'error', path, message: path });
    const list = [
      at('$.tables[0]'),
      at('$.tables[0].entities[1].keys.sk'),
      at('$.tables[0].entities[10]'),
      at('$.tables[1]'),
    ];
    const found = diagnosticsUnder(list, '$.tables[0].entities[1]');
    expect(found.map((d) => d.path)).toEqual(['$.tables[0].entities[1].keys.sk']);
    expect(diagnosticsUnder(list, '$.tables[0].entities[1]')).toBe(found);
    // a new list (the next keystroke) with the same diagnostics under the path: the same array, nothing re-renders
    expect(diagnosticsUnder([...list], '$.tables[0].entities[1]')).toBe(found);
    const changed = [...list, at('$.tables[0].entities[1].name')];
    expect(diagnosticsUnder(changed, '$.tables[0].entities[1]').map((d) => d.path)).toEqual([
      '$.tables[0].entities[1].keys.sk',
      '$.tables[0].entities[1].name',
    ]);
    expect(diagnosticsUnder(list, '$.tables[0]').length).toBe(3);
    expect(diagnosticsUnder(list, '$.tables[2]')).toEqual([]);
  });

  it('lists exactly what isUnder accepts, in list order, for every ancestor of every path', () => {
    const at = (path: string): Diagnostic => ({ code: 'x', severity: 'warning', path, message: path });
    const paths = [
      '$',
      '$.tables[0].entities[1].sampleItems[3].sk',
      '$.tables[0].entities[1]',
      '$.tables[0].entities[12].keys["a.b"]',
      '$.tables[0].entities[1].keys.sk',
      '$.tables[0].name',
    ];
    const list = paths.map(at);
    const asked = [
      '$',
      '$.tables',
      '$.tables[0]',
      '$.tables[0].entities[1]',
      '$.tables[0].entities[12].keys["a',
      '$.x',
    ];
    for (const path of asked) expect(diagnosticsUnder(list, path)).toEqual(list.filter((d) => isUnder(d.path, path)));
  });
});
