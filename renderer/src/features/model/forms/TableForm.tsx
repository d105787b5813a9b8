import { useId } from 'react';
import type { Table } from '../../../../../shared/model/schema.js';
import { CheckboxField, NumberField, SelectField, TextAreaField, TextField } from '../../../components/fields.js';
import { FieldProblems, useFieldProblems } from '../../../components/FieldProblems.js';
import { editAt } from '../../../state/edit-path.js';
import { joinPath } from '../../../state/json-path.js';
import { addEntity, addIndex, addPattern, removeObject, renameTable } from '../model-edits.js';
import { select } from '../../../state/selection.js';
import { ObjectProblems } from './ObjectProblems.js';
import { FormHeader, FormSection } from './FormSection.js';
import { KeyAttributeFields, SortKeyToggle } from './KeyAttributeFields.js';

export function TableForm({ table, path }: { table: Table; path: string }) {
  const billing = table.billing;
  return (
    <div className="form">
      <FormHeader kind="Table" title={table.name}>
        <button type="button" className="button" onClick={() => addEntity(path)}>
          Add entity
        </button>
        <button type="button" className="button" onClick={() => addPattern(path)}>
          Add access pattern
        </button>
        <button type="button" className="button" onClick={() => addIndex(path, 'gsi')}>
          Add GSI
        </button>
        <button type="button" className="button" onClick={() => addIndex(path, 'lsi')}>
          Add LSI
        </button>
        <button
          type="button"
          className="button ghost danger"
          onClick={() => removeObject(`Delete table ${table.name}`, path, () => select(undefined))}
        >
          Delete table
        </button>
      </FormHeader>
      <ObjectProblems
        path={path}
        exclude={['entities', 'seedEntities', 'accessPatterns', 'globalSecondaryIndexes', 'localSecondaryIndexes']}
      />
      <FormSection title="Table">
        <TextField label="Table name" path={joinPath(path, 'name')} mono write={(next) => renameTable(path, next)} />
        <TextAreaField label="Description" path={joinPath(path, 'description')} />
      </FormSection>
      <FormSection title="Primary key" columns={4}>
        <KeyAttributeFields path={joinPath(path, 'partitionKey')} label="Partition key" />
        {table.sortKey ? (
          <KeyAttributeFields path={joinPath(path, 'sortKey')} label="Sort key" />
        ) : (
          <div className="field span-2 field-placeholder">
            <span className="muted">No sort key: one item per partition key value.</span>
          </div>
        )}
        <SortKeyToggle path={path} hasSortKey={table.sortKey !== undefined} newName="sk" what="sort key" />
      </FormSection>
      <FormSection title="Capacity" columns={4}>
        <SelectField
          label="Billing mode"
          path={joinPath(path, 'billing', 'mode')}
          options={[
            { value: 'on-demand', label: 'On-demand' },
            { value: 'provisioned', label: 'Provisioned' },
          ]}
          write={(mode) =>
            editAt(
              'Change billing mode',
              joinPath(path, 'billing'),
              mode === 'provisioned' ? { mode: 'provisioned', read: 5, write: 5 } : { mode: 'on-demand' },
            )
          }
        />
        {billing.mode === 'provisioned' && (
          <>
            <NumberField label="Read capacity units" path={joinPath(path, 'billing', 'read')} integer min={1} />
            <NumberField label="Write capacity units" path={joinPath(path, 'billing', 'write')} integer min={1} />
            <div className="field">
              <span className="checkbox-row">
                <input
                  type="checkbox"
                  id={`${path}-autoscaling`}
                  data-path={joinPath(path, 'billing', 'autoScaling')}
                  checked={Boolean(billing.autoScaling)}
                  onChange={(e) =>
                    editAt(
                      e.target.checked ? 'Turn on auto scaling' : 'Turn off auto scaling',
                      joinPath(path, 'billing', 'autoScaling'),
                      e.target.checked
                        ? {
                            minRead: billing.read,
                            maxRead: billing.read * 10,
                            minWrite: billing.write,
                            maxWrite: billing.write * 10,
                            targetUtilization: 70,
                          }
                        : undefined,
                    )
                  }
                />
                <label htmlFor={`${path}-autoscaling`}>Auto scaling</label>
              </span>
            </div>
            {billing.autoScaling && (
              <>
                <NumberField label="Minimum read" path={joinPath(path, 'billing', 'autoScaling', 'minRead')} integer />
                <NumberField label="Maximum read" path={joinPath(path, 'billing', 'autoScaling', 'maxRead')} integer />
                <NumberField
                  label="Minimum write"
                  path={joinPath(path, 'billing', 'autoScaling', 'minWrite')}
                  integer
                />
                <NumberField
                  label="Maximum write"
                  path={joinPath(path, 'billing', 'autoScaling', 'maxWrite')}
                  integer
                />
                <NumberField
                  label="Target utilisation %"
                  path={joinPath(path, 'billing', 'autoScaling', 'targetUtilization')}
                />
              </>
            )}
          </>
        )}
        <SelectField
          label="Table class"
          path={joinPath(path, 'tableClass')}
          none="Standard (default)"
          options={[
            { value: 'STANDARD', label: 'Standard' },
            { value: 'STANDARD_INFREQUENT_ACCESS', label: 'Standard-IA' },
          ]}
        />
      </FormSection>
      <FormSection title="Settings" columns={4}>
        <TextField
          label="TTL attribute"
          path={joinPath(path, 'ttlAttribute')}
          optional
          mono
          placeholder="none"
          hint="Epoch seconds (N); items expire after it."
        />
        <SelectField
          label="Stream"
          path={joinPath(path, 'stream')}
          none="Off"
          options={[
            { value: 'NEW_IMAGE', label: 'New image' },
            { value: 'OLD_IMAGE', label: 'Old image' },
            { value: 'NEW_AND_OLD_IMAGES', label: 'New and old images' },
            { value: 'KEYS_ONLY', label: 'Keys only' },
          ]}
        />
        <SelectField
          label="Encryption"
          path={joinPath(path, 'encryption', 'type')}
          none="AWS owned key (default)"
          options={[
            { value: 'aws-owned', label: 'AWS owned key' },
            { value: 'aws-managed', label: 'AWS managed key (aws/dynamodb)' },
            { value: 'customer-kms', label: 'Customer managed KMS key' },
          ]}
          write={(type) =>
            editAt(
              'Change encryption',
              joinPath(path, 'encryption'),
              type === undefined
                ? undefined
                : type === 'customer-kms'
                  ? { type, kmsKeyId: table.encryption?.type === 'customer-kms' ? table.encryption.kmsKeyId : '' }
                  : { type },
            )
          }
        />
        {table.encryption?.type === 'customer-kms' && (
          <TextField label="KMS key id" path={joinPath(path, 'encryption', 'kmsKeyId')} mono />
        )}
        <CheckboxField
          label="Deletion protection"
          path={joinPath(path, 'deletionProtection')}
          keepFalse
          className="span-2"
        />
        <CheckboxField
          label="Point-in-time recovery"
          path={joinPath(path, 'pointInTimeRecovery')}
          keepFalse
          className="span-2"
        />
      </FormSection>
      <TagsEditor table={table} path={path} />
    </div>
  );
}

function TagsEditor({ table, path }: { table: Table; path: string }) {
  const tagsPath = joinPath(path, 'tags');
  const entries = Object.entries(table.tags ?? {});
  const problems = useFieldProblems(tagsPath, true);
  const id = useId();
  const setTags = (label: string, next: [string, string][]): void =>
    editAt(label, tagsPath, next.length ? Object.fromEntries(next) : undefined);
  return (
    <FormSection
      title="Tags"
      columns={1}
      actions={
        <button
          type="button"
          className="button small"
          onClick={() => {
            let n = entries.length + 1;
            while (entries.some(([k]) => k === `tag${n}`)) n++;
            setTags('Add tag', [...entries, [`tag${n}`, '']]);
          }}
        >
          Add tag
        </button>
      }
    >
      {entries.length === 0 && <p className="muted">No tags.</p>}
      {entries.map(([key, value], i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; renaming a key keeps the input focused
        <div className="tag-row" key={i} data-path={joinPath(tagsPath, key)} data-problems-inline>
          <input
            type="text"
            className="mono"
            aria-label={`Tag ${i + 1} key`}
            value={key}
            onChange={(e) => {
              const next = e.target.value;
              if (entries.some(([k], j) => k === next && j !== i)) return;
              setTags(
                'Rename tag',
                entries.map(([k, v], j) => (j === i ? [next, v] : [k, v])),
              );
            }}
          />
          <input
            type="text"
            aria-label={`Tag ${key} value`}
            value={value}
            onChange={(e) => editAt('Edit tag value', joinPath(tagsPath, key), e.target.value)}
          />
          <button
            type="button"
            className="button ghost small"
            aria-label={`Remove tag ${key}`}
            onClick={() =>
              setTags(
                'Remove tag',
                entries.filter((_, j) => j !== i),
              )
            }
          >
            ✕
          </button>
        </div>
      ))}
      {problems.length > 0 && <FieldProblems id={id} problems={problems} />}
    </FormSection>
  );
}
