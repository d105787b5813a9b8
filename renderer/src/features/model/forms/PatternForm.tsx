import type { AccessPattern, Table } from '../../../../../shared/model/schema.js';
import { FILTER_OPERATORS, PATTERN_KINDS, SORT_OPERATORS } from '../../../../../shared/model/schema.js';
import { keyAttributes } from '../../../../../shared/model/indexes.js';
import { entityColor } from '../../../components/entity-color.js';
import {
  CheckboxField,
  NameListField,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../components/fields.js';
import { PathProblems } from '../../../components/FieldProblems.js';
import { useAnalysis } from '../../../state/analysis.js';
import { appendAt, editAt } from '../../../state/edit-path.js';
import { joinPath } from '../../../state/json-path.js';
import { showScreen } from '../../../state/navigation.js';
import { select } from '../../../state/selection.js';
import { removeObject, renamePattern } from '../model-edits.js';
import { ObjectProblems } from './ObjectProblems.js';
import { FormHeader, FormSection } from './FormSection.js';

const KIND_LABELS: Record<string, string> = {
  get: 'Get one item (GetItem)',
  query: 'Query a partition (Query)',
  scan: 'Scan (Scan)',
  put: 'Write an item (PutItem)',
  update: 'Update attributes (UpdateItem)',
  delete: 'Delete an item (DeleteItem)',
  'batch-get': 'Get several items (BatchGetItem)',
  'transact-write': 'Transaction (TransactWriteItems)',
};

const PARAMETER_TYPES = [
  { value: 'S', label: 'S' },
  { value: 'N', label: 'N' },
  { value: 'B', label: 'B' },
  { value: 'BOOL', label: 'BOOL' },
];

export function PatternForm({
  table,
  tablePath,
  pattern,
  path,
  hasPatternsScreen,
}: {
  table: Table;
  tablePath: string;
  pattern: AccessPattern;
  path: string;
  hasPatternsScreen: boolean;
}) {
  const { resolved } = useAnalysis();
  const resolution = resolved.find((r) => r.table === table.name && r.name === pattern.name);
  const keys = keyAttributes(table).map((k) => ({ value: k.name, label: k.name }));
  const indexes = [...(table.globalSecondaryIndexes ?? []), ...(table.localSecondaryIndexes ?? [])].map((i) => ({
    value: i.name,
    label: i.name,
  }));
  const reads = ['get', 'query', 'scan', 'batch-get'].includes(pattern.kind);
  const keyed = pattern.kind !== 'scan' && pattern.kind !== 'put' && pattern.kind !== 'transact-write';
  const kc = pattern.keyCondition;
  const kcPath = joinPath(path, 'keyCondition');
  return (
    <div className="form">
      <FormHeader kind="Access pattern" title={pattern.name} color={entityColor(pattern.entity).color}>
        {hasPatternsScreen && (
          <button
            type="button"
            className="button"
            onClick={() => {
              select({ kind: 'pattern', table: table.name, name: pattern.name, path });
              showScreen('patterns');
            }}
          >
            Preview in Patterns
          </button>
        )}
        <button
          type="button"
          className="button ghost danger"
          onClick={() =>
            removeObject(`Delete access pattern ${pattern.name}`, path, () =>
              select({ kind: 'table', table: table.name, path: tablePath }),
            )
          }
        >
          Delete pattern
        </button>
      </FormHeader>
      <ObjectProblems path={path} />
      {resolution && (
        <div className="resolution" aria-live="polite">
          <span className="resolution-op mono">{resolution.operation}</span>
          <span>{resolution.summary}</span>
          {resolution.needsScan && <span className="badge warning">scan</span>}
        </div>
      )}
      <FormSection title="Pattern" columns={3}>
        <TextField
          label="Pattern name"
          path={joinPath(path, 'name')}
          mono
          write={(next) => renamePattern(path, next)}
        />
        <SelectField
          label="Entity"
          path={joinPath(path, 'entity')}
          options={table.entities.map((e) => ({ value: e.name, label: e.name }))}
        />
        <SelectField
          label="Operation"
          path={joinPath(path, 'kind')}
          options={PATTERN_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] ?? k }))}
        />
        <TextAreaField label="Description" path={joinPath(path, 'description')} className="span-3" />
      </FormSection>
      <ParametersEditor pattern={pattern} path={path} />
      {keyed && (
        <FormSection
          title="Key condition"
          columns={4}
          actions={
            kc ? (
              <button
                type="button"
                className="button small"
                onClick={() =>
                  editAt(
                    kc.sort ? 'Remove sort key condition' : 'Add sort key condition',
                    joinPath(kcPath, 'sort'),
                    kc.sort
                      ? undefined
                      : { attribute: table.sortKey?.name ?? keys[1]?.value ?? '', operator: 'begins_with' },
                  )
                }
              >
                {kc.sort ? 'Remove sort condition' : 'Add sort condition'}
              </button>
            ) : (
              <button
                type="button"
                className="button small"
                onClick={() =>
                  editAt('Add key condition', kcPath, { partition: { attribute: table.partitionKey.name } })
                }
              >
                Add key condition
              </button>
            )
          }
        >
          {kc && (
            <>
              <SelectField
                label="Partition key attribute"
                path={joinPath(kcPath, 'partition', 'attribute')}
                options={keys}
              />
              <TextField
                label="Partition key value"
                path={joinPath(kcPath, 'partition', 'value')}
                mono
                optional
                placeholder="the entity's template"
                className="span-3"
              />
              {kc.sort && (
                <>
                  <SelectField label="Sort key attribute" path={joinPath(kcPath, 'sort', 'attribute')} options={keys} />
                  <SelectField
                    label="Sort key operator"
                    path={joinPath(kcPath, 'sort', 'operator')}
                    options={SORT_OPERATORS.map((o) => ({ value: o, label: o }))}
                  />
                  <TextField
                    label="Sort key value"
                    path={joinPath(kcPath, 'sort', 'value')}
                    mono
                    optional
                    placeholder="the entity's template"
                  />
                  {kc.sort.operator === 'between' && (
                    <TextField label="Sort key upper bound" path={joinPath(kcPath, 'sort', 'to')} mono optional />
                  )}
                </>
              )}
            </>
          )}
        </FormSection>
      )}
      {reads && (
        <FormSection title="Reading" columns={4}>
          <SelectField label="Index" path={joinPath(path, 'index')} none="Automatic" options={indexes} />
          <SelectField
            label="Order"
            path={joinPath(path, 'order')}
            none="Ascending (default)"
            options={[
              { value: 'asc', label: 'Ascending' },
              { value: 'desc', label: 'Descending (newest first)' },
            ]}
          />
          <NumberField label="Limit" path={joinPath(path, 'limit')} integer optional placeholder="none" />
          <CheckboxField label="Consistent read" path={joinPath(path, 'consistentRead')} />
          <NameListField label="Projection" path={joinPath(path, 'projection')} optional className="span-4" />
        </FormSection>
      )}
      {(reads || pattern.kind === 'update' || pattern.kind === 'delete') && (
        <FiltersEditor pattern={pattern} path={path} attributes={attributeOptions(table, pattern)} />
      )}
      {pattern.kind === 'update' && (
        <FormSection title="Update" columns={2}>
          <NameListField
            label="Attributes to set"
            path={joinPath(path, 'set')}
            optional
            hint="Each is set from the parameter of the same name."
          />
          <CheckboxField
            label="Upsert"
            path={joinPath(path, 'upsert')}
            hint="Also create the item when it is missing (no attribute_exists condition)."
          />
          <MoveFromEditor table={table} pattern={pattern} path={path} />
        </FormSection>
      )}
      {pattern.kind === 'put' && (
        <FormSection title="Write" columns={2}>
          <CheckboxField
            label="Only if new"
            path={joinPath(path, 'ifNotExists')}
            hint="Fail when an item with the key exists (attribute_not_exists condition)."
          />
        </FormSection>
      )}
      {pattern.kind === 'transact-write' && <WritesEditor table={table} pattern={pattern} path={path} />}
      <FormSection title="Cost estimate" columns={3}>
        <NumberField
          label="Requests per second"
          path={joinPath(path, 'requestsPerSecond')}
          optional
          placeholder="—"
          hint="Average, for the monthly cost estimate."
        />
      </FormSection>
    </div>
  );
}

function attributeOptions(table: Table, pattern: AccessPattern) {
  const entity = table.entities.find((e) => e.name === pattern.entity);
  const names = new Set([...keyAttributes(table).map((k) => k.name), ...(entity?.attributes.map((a) => a.name) ?? [])]);
  return [...names].map((n) => ({ value: n, label: n }));
}

function ParametersEditor({ pattern, path }: { pattern: AccessPattern; path: string }) {
  const listPath = joinPath(path, 'parameters');
  return (
    <FormSection
      title={`Parameters (${pattern.parameters.length})`}
      columns={1}
      actions={
        <button
          type="button"
          className="button small"
          onClick={() => appendAt('Add parameter', listPath, { name: `param${pattern.parameters.length + 1}` })}
        >
          Add parameter
        </button>
      }
    >
      {pattern.parameters.length === 0 ? (
        <p className="muted">No parameters.</p>
      ) : (
        <div className="rows" data-path={listPath} data-problems-inline>
          <PathProblems path={listPath} />
          <div className="row cols-param row-header" aria-hidden="true">
            <span>Name</span>
            <span>Type</span>
            <span>Example</span>
            <span>Description</span>
            <span />
          </div>
          {pattern.parameters.map((p, i) => {
            const at = joinPath(listPath, i);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; a rename keeps the focus
              <div className="row-with-problems" key={i} data-path={at} data-problems-inline>
                <div className="row cols-param">
                  <TextField label={`Parameter ${i + 1} name`} path={joinPath(at, 'name')} mono hideLabel />
                  <SelectField
                    label={`${p.name} type`}
                    path={joinPath(at, 'type')}
                    none="S (default)"
                    options={PARAMETER_TYPES}
                    hideLabel
                  />
                  <TextField label={`${p.name} example`} path={joinPath(at, 'example')} mono optional hideLabel />
                  <TextField label={`${p.name} description`} path={joinPath(at, 'description')} optional hideLabel />
                  <button
                    type="button"
                    className="button ghost small row-remove"
                    aria-label={`Remove parameter ${p.name}`}
                    onClick={() => removeObject(`Remove parameter ${p.name}`, at, () => {})}
                  >
                    ✕
                  </button>
                </div>
                <PathProblems path={at} />
              </div>
            );
          })}
        </div>
      )}
    </FormSection>
  );
}

function FiltersEditor({
  pattern,
  path,
  attributes,
}: {
  pattern: AccessPattern;
  path: string;
  attributes: { value: string; label: string }[];
}) {
  const listPath = joinPath(path, 'filter');
  const filters = pattern.filter ?? [];
  return (
    <FormSection
      title={`Filter (${filters.length})`}
      columns={1}
      actions={
        <button
          type="button"
          className="button small"
          onClick={() =>
            appendAt('Add filter', listPath, { attribute: attributes[0]?.value ?? '', operator: '=', value: '' })
          }
        >
          Add filter
        </button>
      }
    >
      {filters.length === 0 ? (
        <p className="muted">No filter: every item the key condition reads is returned.</p>
      ) : (
        <div className="rows" data-path={listPath} data-problems-inline>
          <PathProblems path={listPath} />
          {filters.map((f, i) => {
            const at = joinPath(listPath, i);
            const unary = f.operator === 'attribute_exists' || f.operator === 'attribute_not_exists';
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions
              <div className="row-with-problems" key={i} data-path={at} data-problems-inline>
                <div className="row cols-filter">
                  <SelectField
                    label={`Filter ${i + 1} attribute`}
                    path={joinPath(at, 'attribute')}
                    options={attributes}
                  />
                  <SelectField
                    label={`Filter ${i + 1} operator`}
                    path={joinPath(at, 'operator')}
                    options={FILTER_OPERATORS.map((o) => ({ value: o, label: o }))}
                  />
                  {!unary && <TextField label={`Filter ${i + 1} value`} path={joinPath(at, 'value')} mono optional />}
                  {f.operator === 'between' && (
                    <TextField label={`Filter ${i + 1} upper bound`} path={joinPath(at, 'to')} mono optional />
                  )}
                  <button
                    type="button"
                    className="button ghost small row-remove"
                    aria-label={`Remove filter ${i + 1}`}
                    onClick={() =>
                      filters.length === 1
                        ? editAt('Remove filter', listPath, undefined)
                        : removeObject(`Remove filter ${i + 1}`, at, () => {})
                    }
                  >
                    ✕
                  </button>
                </div>
                <PathProblems path={at} />
              </div>
            );
          })}
        </div>
      )}
    </FormSection>
  );
}

function WritesEditor({ table, pattern, path }: { table: Table; pattern: AccessPattern; path: string }) {
  const listPath = joinPath(path, 'writes');
  const writes = pattern.writes ?? [];
  return (
    <FormSection
      title={`Writes in the transaction (${writes.length})`}
      columns={1}
      actions={
        <button
          type="button"
          className="button small"
          onClick={() => appendAt('Add write', listPath, { kind: 'put', entity: table.entities[0]?.name ?? '' })}
        >
          Add write
        </button>
      }
    >
      {writes.map((w, i) => {
        const at = joinPath(listPath, i);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions
          <div className="row cols-filter" key={i} data-path={at}>
            <SelectField
              label={`Write ${i + 1} kind`}
              path={joinPath(at, 'kind')}
              options={['put', 'update', 'delete', 'condition-check'].map((k) => ({ value: k, label: k }))}
            />
            <SelectField
              label={`Write ${i + 1} entity`}
              path={joinPath(at, 'entity')}
              options={table.entities.map((e) => ({ value: e.name, label: e.name }))}
            />
            {w.kind === 'update' && (
              <NameListField label={`Write ${i + 1} attributes to set`} path={joinPath(at, 'set')} optional />
            )}
            <button
              type="button"
              className="button ghost small row-remove"
              aria-label={`Remove write ${i + 1}`}
              onClick={() => removeObject(`Remove write ${i + 1}`, at, () => {})}
            >
              ✕
            </button>
          </div>
        );
      })}
    </FormSection>
  );
}

/**
 * `moveFrom`: an update that moves the item to a new key (delete + put in one transaction). One row per key attribute
 * whose current value comes from a parameter.
 */
function MoveFromEditor({ table, pattern, path }: { table: Table; pattern: AccessPattern; path: string }) {
  const movePath = joinPath(path, 'moveFrom');
  const entries = Object.entries(pattern.moveFrom ?? {});
  const keys = keyAttributes(table).map((k) => k.name);
  const free = keys.filter((k) => !entries.some(([key]) => key === k));
  const write = (label: string, next: [string, string][]): void =>
    editAt(label, movePath, next.length ? Object.fromEntries(next) : undefined);
  return (
    <div className="field span-2" data-path={movePath} data-problems-inline>
      <span className="field-label">Move the item to a new key (current key from parameters)</span>
      {entries.map(([key, parameter], i) => (
        <div className="tag-row" key={key}>
          <select
            aria-label={`Moved key ${i + 1}`}
            value={key}
            onChange={(e) =>
              write(
                'Change moved key',
                entries.map(([k, v], j) => (j === i ? [e.target.value, v] : [k, v])),
              )
            }
          >
            {[key, ...free].map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
          <select
            aria-label={`Parameter with the current ${key}`}
            data-path={joinPath(movePath, key)}
            value={parameter}
            onChange={(e) =>
              write(
                'Change move parameter',
                entries.map(([k, v], j) => (j === i ? [k, e.target.value] : [k, v])),
              )
            }
          >
            {[...new Set([parameter, ...pattern.parameters.map((p) => p.name)])].map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button ghost small"
            aria-label={`Stop moving ${key}`}
            onClick={() =>
              write(
                'Remove moved key',
                entries.filter((_, j) => j !== i),
              )
            }
          >
            ✕
          </button>
        </div>
      ))}
      {free.length > 0 && (
        <button
          type="button"
          className="button small"
          onClick={() =>
            write('Move a key', [...entries, [free[0]!, pattern.parameters[0]?.name ?? `current_${free[0]}`]])
          }
        >
          Add a moved key
        </button>
      )}
      <PathProblems path={movePath} />
    </div>
  );
}
