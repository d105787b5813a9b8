import { type ReactNode, useMemo } from 'react';
import type { Entity, Table } from '../../../../../shared/model/schema.js';
import { ATTRIBUTE_TYPES } from '../../../../../shared/model/attribute-value.js';
import { keyInfo } from '../../../../../shared/rules/key-info.js';
import { entityColor } from '../../../components/entity-color.js';
import { TextAreaField, TextField } from '../../../components/fields.js';
import { FieldProblems, useFieldProblems } from '../../../components/FieldProblems.js';
import { editAt, moveAt } from '../../../state/edit-path.js';
import { joinPath } from '../../../state/json-path.js';
import { breakUndoMerge } from '../../../state/model-store.js';
import { showScreen } from '../../../state/navigation.js';
import { select } from '../../../state/selection.js';
import { exampleValues } from '../example-values.js';
import { KeyTemplateEditor } from '../KeyTemplateEditor.js';
import { addAttribute, addPattern, removeObject, renameEntity } from '../model-edits.js';
import { generatorSummary } from './GeneratorFields.js';
import { ObjectProblems } from './ObjectProblems.js';
import type { AttributeOwner } from '../attribute-owner.js';
import { FormHeader, FormSection } from './FormSection.js';
import { SeedFields } from './SeedFields.js';

export function EntityForm({
  table,
  tablePath,
  entity,
  path,
  hasItemsScreen,
}: {
  table: Table;
  tablePath: string;
  entity: Entity;
  path: string;
  hasItemsScreen: boolean;
}) {
  const examples = useMemo(() => exampleValues(table, entity), [table, entity]);
  const keys = useMemo(() => [...keyInfo(table).values()], [table]);
  const attributeNames = entity.attributes.map((a) => a.name);
  const strayKeys = Object.keys(entity.keys).filter((k) => !keys.some((info) => info.name === k));
  const colour = entityColor(entity.name);
  const samples = entity.sampleItems?.length ?? 0;
  return (
    <div className="form">
      <FormHeader kind="Entity" title={entity.name} color={colour.color}>
        <button type="button" className="button" onClick={() => addAttribute(path)}>
          Add attribute
        </button>
        <button type="button" className="button" onClick={() => addPattern(tablePath, entity.name)}>
          Add access pattern
        </button>
        <button
          type="button"
          className="button ghost danger"
          onClick={() =>
            removeObject(`Delete entity ${entity.name}`, path, () =>
              select({ kind: 'table', table: table.name, path: tablePath }),
            )
          }
        >
          Delete entity
        </button>
      </FormHeader>
      <ObjectProblems path={path} exclude={['attributes', 'sampleItems']} />
      <FormSection title="Entity">
        <TextField label="Entity name" path={joinPath(path, 'name')} mono write={(next) => renameEntity(path, next)} />
        <TextAreaField label="Description" path={joinPath(path, 'description')} />
        <TypeAttributeFields entity={entity} path={path} />
      </FormSection>
      <FormSection title="Key templates" columns={1}>
        {keys.map((info) => (
          <KeyTemplateEditor
            key={info.name}
            path={joinPath(path, 'keys', info.name)}
            keyName={info.name}
            usage={`${info.type} · ${info.usedBy.join(', ')}${info.partition ? ' · partition' : ' · sort'}`}
            examples={examples}
            attributes={attributeNames}
            optional={!info.tableKey}
            entityPath={path}
          />
        ))}
        {strayKeys.map((name) => (
          <KeyTemplateEditor
            key={name}
            path={joinPath(path, 'keys', name)}
            keyName={name}
            usage="not a key of the table or an index"
            examples={examples}
            attributes={attributeNames}
            optional
            entityPath={path}
          />
        ))}
        <p className="muted form-note">
          Example values from {entity.sampleItems?.length ? 'the first sample item' : 'the attribute generators'}; a
          parameter without an example shows as <span className="rendered-param missing">‹name›</span>.
        </p>
      </FormSection>
      <FormSection
        title={`Attributes (${entity.attributes.length})`}
        columns={1}
        actions={
          <button type="button" className="button small" onClick={() => addAttribute(path)}>
            Add attribute
          </button>
        }
      >
        <AttributeTable table={table} entity={entity} path={path} />
      </FormSection>
      <SeedFields table={table} path={path} name={entity.name} />
      <FormSection title="Sample items" columns={1}>
        <div className="inline-row" data-path={joinPath(path, 'sampleItems')}>
          <span>
            {samples} sample {samples === 1 ? 'item' : 'items'}
          </span>
          {hasItemsScreen && (
            <button
              type="button"
              className="button small"
              onClick={() => {
                select({ kind: 'entity', table: table.name, name: entity.name, path });
                showScreen('items');
              }}
            >
              Edit sample items
            </button>
          )}
        </div>
        <SampleProblems path={joinPath(path, 'sampleItems')} />
      </FormSection>
    </div>
  );
}

/** Sample items shown per entity form; the rest are counted and listed on the Problems screen. */
const SAMPLE_PROBLEMS_SHOWN = 5;

/**
 * The sample items' problems (only here: the form's object problems leave them out). A template change can break
 * every item's key at once; the first few are listed and the rest counted, so typing re-renders a few lines.
 */
function SampleProblems({ path }: { path: string }) {
  const problems = useFieldProblems(path, true);
  if (problems.length === 0) return null;
  const more = problems.length - SAMPLE_PROBLEMS_SHOWN;
  return (
    <>
      <FieldProblems id={`${path}-problems`} problems={problems.slice(0, SAMPLE_PROBLEMS_SHOWN)} />
      {more > 0 && (
        <p className="muted form-note">
          and {more} more sample-item {more === 1 ? 'problem' : 'problems'}{' '}
          <button type="button" className="button small" onClick={() => showScreen('problems')}>
            Show all on the Problems screen
          </button>
        </p>
      )}
    </>
  );
}

function TypeAttributeFields({ entity, path }: { entity: Entity; path: string }) {
  const typePath = joinPath(path, 'typeAttribute');
  const write = (name: string, value: string): void =>
    editAt('Edit type attribute', typePath, name === '' && value === '' ? undefined : { name, value });
  return (
    <>
      <TextField
        label="Type attribute name"
        path={joinPath(typePath, 'name')}
        mono
        placeholder="e.g. _type"
        write={(name) => write(name, entity.typeAttribute?.value ?? '')}
      />
      <TextField
        label="Type attribute value"
        path={joinPath(typePath, 'value')}
        mono
        placeholder={entity.name}
        write={(value) => write(entity.typeAttribute?.name ?? '', value)}
      />
    </>
  );
}

export function AttributeTable({ table, entity, path }: { table: Table; entity: AttributeOwner; path: string }) {
  if (entity.attributes.length === 0) return <p className="muted">No attributes yet.</p>;
  return (
    <table className="attribute-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Required</th>
          <th scope="col">Generator</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entity.attributes.map((attribute, i) => {
          const attributePath = joinPath(path, 'attributes', i);
          const open = () =>
            select({
              kind: 'attribute',
              table: table.name,
              entity: entity.name,
              name: attribute.name,
              path: attributePath,
            });
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; a rename must keep the input focused
            <tr key={i}>
              <td>
                <AttributeCellProblems path={attributePath}>
                  <input
                    type="text"
                    className="mono"
                    aria-label={`Attribute ${i + 1} name`}
                    data-path={joinPath(attributePath, 'name')}
                    value={attribute.name}
                    spellCheck={false}
                    onBlur={breakUndoMerge}
                    onChange={(e) =>
                      editAt(`Rename attribute ${i + 1}`, joinPath(attributePath, 'name'), e.target.value)
                    }
                  />
                </AttributeCellProblems>
              </td>
              <td>
                <select
                  aria-label={`${attribute.name} type`}
                  data-path={joinPath(attributePath, 'type')}
                  value={attribute.type}
                  onChange={(e) =>
                    editAt(`Change ${attribute.name} type`, joinPath(attributePath, 'type'), e.target.value)
                  }
                >
                  {ATTRIBUTE_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${attribute.name} required`}
                  data-path={joinPath(attributePath, 'required')}
                  checked={attribute.required === true}
                  onChange={(e) =>
                    editAt(
                      `${e.target.checked ? 'Require' : 'Do not require'} ${attribute.name}`,
                      joinPath(attributePath, 'required'),
                      e.target.checked ? true : undefined,
                    )
                  }
                />
              </td>
              <td className="mono generator-cell">{generatorSummary(attribute.generator)}</td>
              <td className="row-actions">
                <button
                  type="button"
                  className="button ghost small"
                  aria-label={`Edit ${attribute.name}`}
                  onClick={open}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="button ghost small"
                  aria-label={`Move ${attribute.name} up`}
                  disabled={i === 0}
                  onClick={() => moveAt(`Move ${attribute.name} up`, attributePath, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button ghost small"
                  aria-label={`Delete ${attribute.name}`}
                  onClick={() => removeObject(`Delete attribute ${attribute.name}`, attributePath, () => {})}
                >
                  ✕
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function AttributeCellProblems({ path, children }: { path: string; children: ReactNode }) {
  const problems = useFieldProblems(path, true);
  return (
    <>
      {children}
      {problems.length > 0 && (
        <span
          className={`cell-problem ${problems.some((d) => d.severity === 'error') ? 'error' : 'warning'}`}
          title={problems.map((d) => d.message).join('\n')}
          role="img"
          aria-label={`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}: ${problems[0]!.message}`}
        >
          {problems.some((d) => d.severity === 'error') ? '⨯' : '⚠'}
        </span>
      )}
    </>
  );
}
