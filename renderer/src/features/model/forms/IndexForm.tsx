import type { GlobalSecondaryIndex, LocalSecondaryIndex, Table } from '../../../../../shared/model/schema.js';
import { NameListField, NumberField, SelectField, TextField } from '../../../components/fields.js';
import { editAt } from '../../../state/edit-path.js';
import { joinPath } from '../../../state/json-path.js';
import { select } from '../../../state/selection.js';
import { removeObject } from '../model-edits.js';
import { ObjectProblems } from './ObjectProblems.js';
import { FormHeader, FormSection } from './FormSection.js';
import { KeyAttributeFields, SortKeyToggle } from './KeyAttributeFields.js';

export function IndexForm({
  table,
  tablePath,
  index,
  path,
  kind,
}: {
  table: Table;
  tablePath: string;
  index: GlobalSecondaryIndex | LocalSecondaryIndex;
  path: string;
  kind: 'gsi' | 'lsi';
}) {
  const gsi = kind === 'gsi' ? (index as GlobalSecondaryIndex) : undefined;
  const users = table.entities.filter((e) =>
    [gsi?.partitionKey.name, index.sortKey?.name].some((k) => k !== undefined && e.keys[k] !== undefined),
  );
  return (
    <div className="form">
      <FormHeader kind={kind === 'gsi' ? 'Global secondary index' : 'Local secondary index'} title={index.name}>
        <button
          type="button"
          className="button ghost danger"
          onClick={() =>
            removeObject(`Delete index ${index.name}`, path, () =>
              select({ kind: 'table', table: table.name, path: tablePath }),
            )
          }
        >
          Delete index
        </button>
      </FormHeader>
      <ObjectProblems path={path} />
      <FormSection title="Index">
        <TextField
          label="Index name"
          path={joinPath(path, 'name')}
          mono
          onChanged={(next) => select({ kind: 'index', table: table.name, name: next, path })}
        />
      </FormSection>
      <FormSection title="Keys" columns={4}>
        {gsi ? (
          <KeyAttributeFields path={joinPath(path, 'partitionKey')} label="Partition key" />
        ) : (
          <div className="field span-2 field-placeholder">
            <span className="muted">
              Partition key: the table's <code>{table.partitionKey.name}</code> (an LSI shares it).
            </span>
          </div>
        )}
        {index.sortKey ? (
          <KeyAttributeFields path={joinPath(path, 'sortKey')} label="Sort key" />
        ) : (
          <div className="field span-2 field-placeholder">
            <span className="muted">No sort key.</span>
          </div>
        )}
        {gsi && (
          <SortKeyToggle
            path={path}
            hasSortKey={gsi.sortKey !== undefined}
            newName={`${index.name}sk`}
            what="GSI sort key"
          />
        )}
      </FormSection>
      <FormSection title="Projection" columns={2}>
        <SelectField
          label="Projection type"
          path={joinPath(path, 'projection', 'type')}
          options={[
            { value: 'ALL', label: 'ALL — every attribute' },
            { value: 'KEYS_ONLY', label: 'KEYS_ONLY — table and index keys' },
            { value: 'INCLUDE', label: 'INCLUDE — keys and listed attributes' },
          ]}
          write={(type) =>
            editAt(
              'Change projection',
              joinPath(path, 'projection'),
              type === 'INCLUDE'
                ? { type, nonKeyAttributes: index.projection.nonKeyAttributes ?? [] }
                : { type: type ?? 'ALL' },
            )
          }
        />
        {index.projection.type === 'INCLUDE' && (
          <NameListField
            label="Projected attributes"
            path={joinPath(path, 'projection', 'nonKeyAttributes')}
            hint="Non-key attributes copied into the index, comma separated."
          />
        )}
      </FormSection>
      {gsi && table.billing.mode === 'provisioned' && (
        <FormSection title="Throughput" columns={2}>
          <NumberField
            label="Index read capacity"
            path={joinPath(path, 'throughput', 'read')}
            integer
            optional
            placeholder={String(table.billing.read)}
          />
          <NumberField
            label="Index write capacity"
            path={joinPath(path, 'throughput', 'write')}
            integer
            optional
            placeholder={String(table.billing.write)}
          />
        </FormSection>
      )}
      <FormSection title="Entities in this index" columns={1}>
        {users.length === 0 ? (
          <p className="muted">
            No entity has a key template for this index's keys yet; add one on an entity to put it in the index.
          </p>
        ) : (
          <ul className="plain-list">
            {users.map((e) => (
              <li key={e.name}>
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    select({
                      kind: 'entity',
                      table: table.name,
                      name: e.name,
                      path: joinPath(tablePath, 'entities', table.entities.indexOf(e)),
                    })
                  }
                >
                  {e.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </FormSection>
    </div>
  );
}
