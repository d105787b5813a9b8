import type { SeedEntity, Table } from '../../../../../shared/model/schema.js';
import { entityColor } from '../../../components/entity-color.js';
import { TextAreaField, TextField } from '../../../components/fields.js';
import { appendAt } from '../../../state/edit-path.js';
import { joinPath } from '../../../state/json-path.js';
import { select } from '../../../state/selection.js';
import { removeObject } from '../model-edits.js';
import { AttributeTable } from './EntityForm.js';
import { FormHeader, FormSection } from './FormSection.js';
import { ObjectProblems } from './ObjectProblems.js';
import { SeedFields } from './SeedFields.js';

/** A seed-only entity: generated for others to derive from (users, conversations), never written to the table. */
export function SeedEntityForm({
  table,
  tablePath,
  entity,
  path,
}: {
  table: Table;
  tablePath: string;
  entity: SeedEntity;
  path: string;
}) {
  const addAttribute = (): void => {
    let n = entity.attributes.length + 1;
    while (entity.attributes.some((a) => a.name === `attribute${n}`)) n++;
    appendAt(`Add attribute to ${entity.name}`, joinPath(path, 'attributes'), { name: `attribute${n}`, type: 'S' });
  };
  return (
    <div className="form">
      <FormHeader kind="Seed-only entity" title={entity.name} color={entityColor(entity.name).color}>
        <button type="button" className="button" onClick={addAttribute}>
          Add attribute
        </button>
        <button
          type="button"
          className="button ghost danger"
          onClick={() =>
            removeObject(`Delete seed-only entity ${entity.name}`, path, () =>
              select({ kind: 'table', table: table.name, path: tablePath }),
            )
          }
        >
          Delete entity
        </button>
      </FormHeader>
      <ObjectProblems path={path} exclude={['attributes']} />
      <FormSection title="Entity">
        <TextField
          label="Entity name"
          path={joinPath(path, 'name')}
          mono
          onChanged={(next) => select({ kind: 'entity', table: table.name, name: next, path })}
        />
        <TextAreaField label="Description" path={joinPath(path, 'description')} />
      </FormSection>
      <p className="muted form-note">
        Its items are generated for other entities to derive from (with <code>ref</code>, <code>member</code> and{' '}
        <code>aggregate</code> generators) and are never written to the table.
      </p>
      <FormSection title={`Attributes (${entity.attributes.length})`} columns={1}>
        <AttributeTable table={table} entity={entity} path={path} />
      </FormSection>
      <SeedFields table={table} path={path} name={entity.name} />
    </div>
  );
}
