import type { Attribute, Table } from '../../../../../shared/model/schema.js';
import { ATTRIBUTE_TYPES } from '../../../../../shared/model/attribute-value.js';
import { entityColor } from '../../../components/entity-color.js';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/fields.js';
import { joinPath } from '../../../state/json-path.js';
import { select } from '../../../state/selection.js';
import { removeObject } from '../model-edits.js';
import { ObjectProblems } from './ObjectProblems.js';
import type { AttributeOwner } from '../attribute-owner.js';
import { FormHeader, FormSection } from './FormSection.js';
import { GeneratorFields } from './GeneratorFields.js';

const TYPE_NAMES: Record<string, string> = {
  S: 'String',
  N: 'Number',
  B: 'Binary',
  BOOL: 'Boolean',
  NULL: 'Null',
  SS: 'String set',
  NS: 'Number set',
  BS: 'Binary set',
  L: 'List',
  M: 'Map',
};

export function AttributeForm({
  table,
  entity,
  entityPath,
  attribute,
  path,
}: {
  table: Table;
  entity: AttributeOwner;
  entityPath: string;
  attribute: Attribute;
  path: string;
}) {
  const back = () => select({ kind: 'entity', table: table.name, name: entity.name, path: entityPath });
  return (
    <div className="form">
      <FormHeader kind={`Attribute of ${entity.name}`} title={attribute.name} color={entityColor(entity.name).color}>
        <button type="button" className="button" onClick={back}>
          Back to {entity.name}
        </button>
        <button
          type="button"
          className="button ghost danger"
          onClick={() => removeObject(`Delete attribute ${attribute.name}`, path, back)}
        >
          Delete attribute
        </button>
      </FormHeader>
      <ObjectProblems path={path} />
      <FormSection title="Attribute" columns={3}>
        <TextField
          label="Attribute name"
          path={joinPath(path, 'name')}
          mono
          onChanged={(next) => select({ kind: 'attribute', table: table.name, entity: entity.name, name: next, path })}
        />
        <SelectField
          label="Attribute type"
          path={joinPath(path, 'type')}
          options={ATTRIBUTE_TYPES.map((t) => ({ value: t, label: `${t} — ${TYPE_NAMES[t]}` }))}
        />
        <CheckboxField label="Required" path={joinPath(path, 'required')} hint="Every item of the entity has it." />
        <TextAreaField label="Description" path={joinPath(path, 'description')} className="span-3" />
      </FormSection>
      <FormSection title="Generator (for seeding)" columns={2}>
        <GeneratorFields
          table={table}
          entity={entity}
          path={joinPath(path, 'generator')}
          generator={attribute.generator}
        />
      </FormSection>
    </div>
  );
}
